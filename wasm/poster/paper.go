package poster

import (
	"fmt"
	"strings"
)

// Size is an ISO 216 A-series paper size.
type Size int

// The sizes a poster comes in. A4 is the zero value: what every printer at
// the library or the buurthuis can do.
const (
	A4 Size = iota
	A3
	A2
	A1
)

// ptPerMM converts millimetres to PostScript points (1 in = 25.4 mm = 72 pt).
const ptPerMM = 72 / 25.4

// isoMM holds the short and long sides in millimetres. ISO 216 defines them
// in whole millimetres (A3 is 297 × 420 mm = 841.89 × 1190.55 pt), so the
// exact page size is these numbers times ptPerMM, never a rounded pt value.
var isoMM = [...][2]float64{A4: {210, 297}, A3: {297, 420}, A2: {420, 594}, A1: {594, 841}}

var sizeNames = [...]string{A4: "A4", A3: "A3", A2: "A2", A1: "A1"}

func (s Size) String() string {
	if s < 0 || int(s) >= len(sizeNames) {
		return fmt.Sprintf("Size(%d)", int(s))
	}
	return sizeNames[s]
}

// ParseSize reads "A4", "a2", … ; the empty string means A4.
func ParseSize(name string) (Size, error) {
	name = strings.ToUpper(strings.TrimSpace(name))
	if name == "" {
		return A4, nil
	}
	for s, n := range sizeNames {
		if n == name {
			return Size(s), nil
		}
	}
	return A4, fmt.Errorf("poster: unknown paper size %q; use A4, A3, A2 or A1", name)
}

// Paper is a sheet: a size and which way up.
type Paper struct {
	Size      Size
	Landscape bool
}

// MM returns the sheet's width and height in millimetres.
func (p Paper) MM() (w, h float64) {
	mm := isoMM[A4]
	if p.Size >= 0 && int(p.Size) < len(isoMM) {
		mm = isoMM[p.Size]
	}
	if p.Landscape {
		return mm[1], mm[0]
	}
	return mm[0], mm[1]
}

// Points returns the sheet's width and height in points, the poster's unit.
func (p Paper) Points() (w, h float64) {
	w, h = p.MM()
	return w * ptPerMM, h * ptPerMM
}

func (p Paper) String() string {
	if p.Landscape {
		return p.Size.String() + " liggend"
	}
	return p.Size.String() + " staand"
}
