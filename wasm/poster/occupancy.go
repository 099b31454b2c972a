package poster

import (
	"math"

	"github.com/buurtkaart/buurtkaart/wasm/label"
)

// occupancy is a uniform-grid index of the boxes taken on the map, for the
// passes after label.Place: number-only labels and labels on leaders. It is
// the same structure as wasm/label's unexported grid; if label exported
// one (label.Index with Add and Hits), this file would go.
type occupancy struct {
	size  float64
	cells map[[2]int][]int
	boxes []label.Box
}

func newOccupancy(size float64) *occupancy {
	return &occupancy{size: size, cells: map[[2]int][]int{}}
}

func (g *occupancy) span(b label.Box) (x0, y0, x1, y1 int) {
	return int(math.Floor(b.X0 / g.size)), int(math.Floor(b.Y0 / g.size)),
		int(math.Floor(b.X1 / g.size)), int(math.Floor(b.Y1 / g.size))
}

func (g *occupancy) add(b label.Box) {
	id := len(g.boxes)
	g.boxes = append(g.boxes, b)
	x0, y0, x1, y1 := g.span(b)
	for x := x0; x <= x1; x++ {
		for y := y0; y <= y1; y++ {
			g.cells[[2]int{x, y}] = append(g.cells[[2]int{x, y}], id)
		}
	}
}

func (g *occupancy) hits(b label.Box) bool {
	x0, y0, x1, y1 := g.span(b)
	for x := x0; x <= x1; x++ {
		for y := y0; y <= y1; y++ {
			for _, id := range g.cells[[2]int{x, y}] {
				if g.boxes[id].Overlaps(b) {
					return true
				}
			}
		}
	}
	return false
}

// inside reports whether b lies within r.
func inside(b label.Box, r Rect) bool {
	return b.X0 >= r.X && b.Y0 >= r.Y && b.X1 <= r.X+r.W && b.Y1 <= r.Y+r.H
}
