package label

import "math"

// grid is a uniform-grid collision index: each box is filed under every
// cell it touches, so a query looks only at its neighbourhood.
type grid struct {
	size  float64
	cells map[[2]int][]int
	boxes []Box
}

func newGrid(size float64) *grid { return &grid{size: size, cells: map[[2]int][]int{}} }

func (g *grid) span(b Box) (x0, y0, x1, y1 int) {
	return int(math.Floor(b.X0 / g.size)), int(math.Floor(b.Y0 / g.size)),
		int(math.Floor(b.X1 / g.size)), int(math.Floor(b.Y1 / g.size))
}

func (g *grid) add(b Box) {
	id := len(g.boxes)
	g.boxes = append(g.boxes, b)
	x0, y0, x1, y1 := g.span(b)
	for x := x0; x <= x1; x++ {
		for y := y0; y <= y1; y++ {
			g.cells[[2]int{x, y}] = append(g.cells[[2]int{x, y}], id)
		}
	}
}

func (g *grid) hits(b Box) bool {
	return g.any(b, func(id int) bool { return g.boxes[id].Overlaps(b) })
}

// any reports whether f holds for an id filed under a cell b touches (an id
// may be offered more than once). It allocates nothing: it runs ~12 times
// per label in the hot loop of Place.
func (g *grid) any(b Box, f func(id int) bool) bool {
	x0, y0, x1, y1 := g.span(b)
	for x := x0; x <= x1; x++ {
		for y := y0; y <= y1; y++ {
			for _, id := range g.cells[[2]int{x, y}] {
				if f(id) {
					return true
				}
			}
		}
	}
	return false
}
