package pin

import (
	"math"

	"github.com/buurtkaart/buurtkaart/wasm/kind"
)

// coarseStep is the grid a talent pin is snapped to: 0.00045° of latitude
// is 50 m, and 0.00075° of longitude is 51 m at 52° N. A pin about a person
// then says "around here", never which front door.
const (
	coarseLat = 0.00045
	coarseLon = 0.00075
)

// Coarsen moves pins about people (talent) to the centre of their 50 m cell.
// It is applied before a pin is stored, so the exact spot is never kept.
func Coarsen(p Pin) Pin {
	if p.Kind != kind.Talent {
		return p
	}
	p.Lon = round6((math.Floor(p.Lon/coarseLon) + 0.5) * coarseLon)
	p.Lat = round6((math.Floor(p.Lat/coarseLat) + 0.5) * coarseLat)
	return p
}

func round6(v float64) float64 { return math.Round(v*1e6) / 1e6 }
