package sketch

import (
	"math"
	"sort"
)

// hatch fills an area the way a pen does: parallel strokes at angle
// (radians) spaced gap units apart, clipped to the rings (even-odd, so holes
// stay empty). Each stroke is a short two-point line, slightly uneven.
func hatch(rings [][]XY, angle, gap float64, r *ink) [][]XY {
	sin, cos := math.Sin(angle), math.Cos(angle)
	// Rotate so the strokes are horizontal, scan, rotate back.
	rot := func(p XY) XY { return XY{p.X*cos + p.Y*sin, -p.X*sin + p.Y*cos} }
	back := func(p XY) XY { return XY{p.X*cos - p.Y*sin, p.X*sin + p.Y*cos} }
	var edges [][2]XY
	minY, maxY := math.Inf(1), math.Inf(-1)
	for _, ring := range rings {
		for i := range ring {
			a, b := rot(ring[i]), rot(ring[(i+1)%len(ring)])
			edges = append(edges, [2]XY{a, b})
			minY, maxY = math.Min(minY, a.Y), math.Max(maxY, a.Y)
		}
	}
	var out [][]XY
	for y := math.Floor(minY/gap)*gap + gap/2; y < maxY; y += gap {
		var xs []float64
		for _, e := range edges {
			a, b := e[0], e[1]
			if (a.Y <= y) != (b.Y <= y) {
				xs = append(xs, a.X+(y-a.Y)/(b.Y-a.Y)*(b.X-a.X))
			}
		}
		sort.Float64s(xs)
		for i := 0; i+1 < len(xs); i += 2 {
			x0, x1 := xs[i]+r.between(0.3, 1.2), xs[i+1]-r.between(0.3, 1.2)
			if x1-x0 < 1 {
				continue
			}
			out = append(out, []XY{back(XY{x0, y + r.between(-0.4, 0.4)}), back(XY{x1, y + r.between(-0.4, 0.4)})})
		}
	}
	return out
}
