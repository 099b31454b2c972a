package poster

import (
	"math"

	"github.com/buurtkaart/buurtkaart/wasm/atlas"
)

// projection puts lon/lat into a rectangle of the page. Like sketch.Frame
// it is equirectangular scaled by cos(latitude) — accurate to far below a
// printed line over the few kilometres of a buurt — but it fits both sides
// of a given rectangle and centres the map in it, where sketch fits a width.
type projection struct {
	b      atlas.BBox
	ox, oy float64 // page position of the north-west corner
	scale  float64 // points per degree of latitude
	kx     float64 // cos(mid latitude)
}

// aspect is width over height of b on the ground.
func aspect(b atlas.BBox) float64 {
	kx := math.Cos((b.S + b.N) / 2 * math.Pi / 180)
	return (b.E - b.W) * kx / (b.N - b.S)
}

func fit(b atlas.BBox, r Rect) projection {
	kx := math.Cos((b.S + b.N) / 2 * math.Pi / 180)
	scale := min(r.W/((b.E-b.W)*kx), r.H/(b.N-b.S))
	w, h := (b.E-b.W)*kx*scale, (b.N-b.S)*scale
	return projection{b: b, ox: r.X + (r.W-w)/2, oy: r.Y + (r.H-h)/2, scale: scale, kx: kx}
}

func (p projection) xy(pt atlas.Point) XY {
	return XY{p.ox + (pt.Lon-p.b.W)*p.kx*p.scale, p.oy + (p.b.N-pt.Lat)*p.scale}
}

// metresPerPoint: one degree of latitude is 111,320 m.
func (p projection) metresPerPoint() float64 { return 111320 / p.scale }
