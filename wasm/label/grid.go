package label

import "math"

// grid is a uniform-grid collision index over a fixed area: each box is
// filed under every cell it touches, so a query looks only at its
// neighbourhood. Cells live in one flat slice (no map): in wasm a map
// lookup per cell cost 4× the whole layout.
type grid struct {
	x0, y0, size float64
	nx, ny       int
	cells        [][]int32
	boxes        []Box
}

// newGrid covers area with cells of about size units; boxes outside it are
// filed under the edge cells, so nothing is lost, only slower.
func newGrid(area Box, size float64) *grid {
	nx := max(1, min(1024, int(math.Ceil((area.X1-area.X0)/size))))
	ny := max(1, min(1024, int(math.Ceil((area.Y1-area.Y0)/size))))
	return &grid{x0: area.X0, y0: area.Y0, size: size, nx: nx, ny: ny, cells: make([][]int32, nx*ny)}
}

func (g *grid) span(b Box) (x0, y0, x1, y1 int) {
	c := func(v, o float64, n int) int { return max(0, min(n-1, int(math.Floor((v-o)/g.size)))) }
	return c(b.X0, g.x0, g.nx), c(b.Y0, g.y0, g.ny), c(b.X1, g.x0, g.nx), c(b.Y1, g.y0, g.ny)
}

func (g *grid) add(b Box) {
	id := int32(len(g.boxes))
	g.boxes = append(g.boxes, b)
	x0, y0, x1, y1 := g.span(b)
	for y := y0; y <= y1; y++ {
		for x := x0; x <= x1; x++ {
			g.cells[y*g.nx+x] = append(g.cells[y*g.nx+x], id)
		}
	}
}

// hits reports whether b overlaps a filed box. The loops over cells are
// written out here and in leader.go rather than shared through a callback:
// a closure call per box made the whole layout 3× slower in wasm.
func (g *grid) hits(b Box) bool {
	x0, y0, x1, y1 := g.span(b)
	for y := y0; y <= y1; y++ {
		for x := x0; x <= x1; x++ {
			for _, id := range g.cells[y*g.nx+x] {
				if g.boxes[id].Overlaps(b) {
					return true
				}
			}
		}
	}
	return false
}
