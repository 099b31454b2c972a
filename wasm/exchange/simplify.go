package exchange

import (
	"fmt"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/simplify"

	"github.com/buurtkaart/buurtkaart/wasm/atlas"
)

// maxDrawnVertices is how many positions a line may keep in a map file:
// atlas refuses features of more (ParseOptions.MaxFeatureVertices, 2,000);
// a walk drawn by hand needs tens.
const maxDrawnVertices = 1500

// simplified thins the parts of a long line (a GPS track logs a point a
// second: a walk of an hour is 3,600) with Douglas–Peucker
// (github.com/paulmach/orb/simplify), tolerance growing from about a metre
// until it fits, so the track is drawn instead of refused. It returns the
// parts and, when it thinned them, a note saying so.
func simplified(parts [][]atlas.Point) ([][]atlas.Point, string) {
	n := 0
	for _, p := range parts {
		n += len(p)
	}
	if n <= maxDrawnVertices {
		return parts, ""
	}
	for tol := 0.00001; ; tol *= 2 { // degrees: 0.00001° ≈ 1 m
		out, m := make([][]atlas.Point, len(parts)), 0
		for i, p := range parts {
			ls := make(orb.LineString, len(p))
			for j, pt := range p {
				ls[j] = orb.Point{pt.Lon, pt.Lat}
			}
			ls = simplify.DouglasPeucker(tol).LineString(ls)
			out[i] = make([]atlas.Point, len(ls))
			for j, pt := range ls {
				out[i][j] = atlas.Point{Lon: pt[0], Lat: pt[1]}
			}
			m += len(ls)
		}
		if m <= maxDrawnVertices {
			return out, fmt.Sprintf("%d points simplified to %d (within %.0f m)", n, m, tol*111320)
		}
	}
}
