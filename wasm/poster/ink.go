package poster

import (
	"math"

	"github.com/buurtkaart/buurtkaart/wasm/kind"
)

// The inks. Paper is warm off-white; everything structural is one dark
// brown-black ink, as if drawn with a fine liner. The five kinds get
// colours of clearly different lightness (from 35 % to 75 %), so a grey
// photocopy still separates them — and their marks differ in shape anyway.
const (
	paper    = "#fbf7ee"
	ink      = "#2b2420"
	inkSoft  = "#6f6259"
	street   = "#ffffff"
	water    = "#bcd8e6"
	waterInk = "#5d8aa8"
	green    = "#d3e4b9"
	greenInk = "#7b9a5a"
	building = "#eadfcd"
	route    = "#c8553d"
	pinInk   = "#b5179e" // residents' pins: a felt-tip magenta, never a kind colour
)

// MapPaper is the paper inside the map's frame, and of its labels' halos.
const MapPaper = "#fffdf8"

var kindInk = map[kind.Kind]string{
	kind.Talent:  "#e07a5f", // terracotta
	kind.Verband: "#f2cc8f", // ochre, the lightest
	kind.Plek:    "#81b29a", // sage
	kind.Verhaal: "#9d79bc", // lavender
	kind.Partner: "#3d5a80", // deep blue, the darkest
}

// markShape returns the pictogram of k at c with radius r, as a polygon.
// These are the shapes of sketch's marks (circle, triangle, square,
// diamond, pentagon), so the screen and the poster speak one legend.
func markShape(k kind.Kind, c XY, r float64) []XY {
	switch k {
	case kind.Talent:
		return regular(c, r, 20, 0)
	case kind.Verband:
		return regular(c, r*1.15, 3, -90)
	case kind.Plek:
		return regular(c, r*1.2, 4, 45)
	case kind.Verhaal:
		return regular(c, r*1.15, 4, 0)
	default: // partner
		return regular(c, r*1.08, 5, -90)
	}
}

// regular is an n-gon around c with its first corner at the given angle.
func regular(c XY, r float64, n int, startDeg float64) []XY {
	pts := make([]XY, n)
	for i := range pts {
		a := (startDeg + float64(i)*360/float64(n)) * math.Pi / 180
		pts[i] = XY{c.X + r*math.Cos(a), c.Y + r*math.Sin(a)}
	}
	return pts
}

// mark draws the pictogram of k; a pin is hollow in the pin ink, so a
// resident's addition stands out from the surveyed places.
func mark(k kind.Kind, c XY, r float64, isPin bool) Path {
	if isPin {
		return Path{Parts: [][]XY{markShape(k, c, r)}, Closed: true, Fill: paper, Stroke: pinInk, Width: r * 0.45}
	}
	return Path{Parts: [][]XY{markShape(k, c, r)}, Closed: true, Fill: kindInk[k], Stroke: ink, Width: r * 0.22}
}
