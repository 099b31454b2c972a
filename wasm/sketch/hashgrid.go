package sketch

import "math"

// hashGrid finds points near a point: a map of square cells of a given
// side, each holding the points (with a value) that fall in it. Clustering
// 10,000 places asks it 10,000 times.
type hashGrid struct {
	side  float64
	cells map[[2]int32][]gridPoint
}

type gridPoint struct {
	at XY
	v  int
}

func newHashGrid(side float64) *hashGrid {
	return &hashGrid{side: side, cells: map[[2]int32][]gridPoint{}}
}

func (g *hashGrid) cell(p XY) [2]int32 {
	return [2]int32{int32(math.Floor(p.X / g.side)), int32(math.Floor(p.Y / g.side))}
}

func (g *hashGrid) add(p XY, v int) {
	k := g.cell(p)
	g.cells[k] = append(g.cells[k], gridPoint{p, v})
}

// nearest returns the value of the point nearest p within r (r ≤ side).
func (g *hashGrid) nearest(p XY, r float64) (v int, ok bool) {
	k, best := g.cell(p), r*r
	for dx := int32(-1); dx <= 1; dx++ {
		for dy := int32(-1); dy <= 1; dy++ {
			for _, q := range g.cells[[2]int32{k[0] + dx, k[1] + dy}] {
				if d := (q.at.X-p.X)*(q.at.X-p.X) + (q.at.Y-p.Y)*(q.at.Y-p.Y); d <= best {
					best, v, ok = d, q.v, true
				}
			}
		}
	}
	return v, ok
}

// within reports whether any point lies within r of p (r ≤ side).
func (g *hashGrid) within(p XY, r float64) bool {
	_, ok := g.nearest(p, r)
	return ok
}
