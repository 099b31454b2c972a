package exchange

import (
	"slices"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"

	"github.com/buurtkaart/buurtkaart/wasm/atlas"
)

// joinWays joins ways that share an end into longer lines, as OSM splits
// a multipolygon's ring or a route over many ways: each line grows at
// either end by any way that starts or ends there (reversed if need be)
// until it closes or nothing fits. Quadratic, which is fine for the tens
// of ways of a buurt's relation.
func joinWays(ways [][]atlas.Point) [][]atlas.Point {
	left := slices.Clone(ways)
	var out [][]atlas.Point
	for len(left) > 0 {
		line := slices.Clone(left[0])
		left = left[1:]
		for grown := true; grown && line[0] != line[len(line)-1]; {
			grown = false
			for i, w := range left {
				first, last := line[0], line[len(line)-1]
				switch {
				case w[0] == last:
					line = append(line, w[1:]...)
				case w[len(w)-1] == last:
					line = append(line, reversed(w)[1:]...)
				case w[len(w)-1] == first:
					line = append(slices.Clone(w[:len(w)-1]), line...)
				case w[0] == first:
					line = append(reversed(w)[:len(w)-1], line...)
				default:
					continue
				}
				left = slices.Delete(left, i, i+1)
				grown = true
				break
			}
		}
		out = append(out, line)
	}
	return out
}

func reversed(w []atlas.Point) []atlas.Point {
	r := slices.Clone(w)
	slices.Reverse(r)
	return r
}

// polygonsOf makes areas of joined outer and inner rings: each outer ring
// a polygon, each inner ring a hole of the outer ring that holds it. A
// ring that does not close is closed (open counts them); one of fewer than
// three corners is dropped.
func polygonsOf(outer, inner [][]atlas.Point) (parts [][]atlas.Point, polygons []int, open int) {
	closeAll := func(rings [][]atlas.Point) [][]atlas.Point {
		var out [][]atlas.Point
		for _, r := range rings {
			if r[0] != r[len(r)-1] {
				r = append(r, r[0])
				open++
			}
			if len(r) >= 4 {
				out = append(out, r)
			}
		}
		return out
	}
	outer, inner = closeAll(outer), closeAll(inner)
	holes := make([][][]atlas.Point, len(outer))
	for _, h := range inner {
		for i, o := range outer {
			if planar.RingContains(ring(o), orb.Point{h[0].Lon, h[0].Lat}) {
				holes[i] = append(holes[i], h)
				break
			}
		}
	}
	for i, o := range outer {
		polygons = append(polygons, len(parts))
		parts = append(parts, o)
		parts = append(parts, holes[i]...)
	}
	return parts, polygons, open
}

func ring(pts []atlas.Point) orb.Ring {
	r := make(orb.Ring, len(pts))
	for i, p := range pts {
		r[i] = orb.Point{p.Lon, p.Lat}
	}
	return r
}
