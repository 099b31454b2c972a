package boundary

import (
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/buurtkaart/buurtkaart/wasm/atlas"
)

// Hull is a boundary for a map that came without one: the convex hull of
// its streets' points (lon, lat), grown by margin metres so a pin on the
// outermost street's far pavement still counts, as a GeoJSON Polygon. It
// returns "" for fewer than three distinct points.
func Hull(pts [][2]float64, margin float64) string {
	ps := slices.Clone(pts)
	slices.SortFunc(ps, func(a, b [2]float64) int {
		if a[0] != b[0] {
			return cmpFloat(a[0], b[0])
		}
		return cmpFloat(a[1], b[1])
	})
	ps = slices.Compact(ps)
	if len(ps) < 3 {
		return ""
	}
	cross := func(o, a, b [2]float64) float64 { return (a[0]-o[0])*(b[1]-o[1]) - (a[1]-o[1])*(b[0]-o[0]) }
	var hull [][2]float64 // Andrew's monotone chain: lower, then upper
	for pass := 0; pass < 2; pass++ {
		start := len(hull)
		for _, p := range ps {
			for len(hull) >= start+2 && cross(hull[len(hull)-2], hull[len(hull)-1], p) <= 0 {
				hull = hull[:len(hull)-1]
			}
			hull = append(hull, p)
		}
		hull = hull[:len(hull)-1]
		slices.Reverse(ps)
	}
	if len(hull) < 3 {
		return ""
	}
	// Grow from the centroid: metres to degrees at this latitude.
	var cx, cy float64
	for _, p := range hull {
		cx, cy = cx+p[0], cy+p[1]
	}
	cx, cy = cx/float64(len(hull)), cy/float64(len(hull))
	kx := math.Cos(cy * math.Pi / 180)
	var b strings.Builder
	b.WriteString(`{"type":"Polygon","coordinates":[[`)
	for i, p := range append(hull, hull[0]) {
		dx, dy := (p[0]-cx)*kx*111320, (p[1]-cy)*111320
		d := math.Hypot(dx, dy)
		if d > 0 {
			p = [2]float64{p[0] + dx/d*margin/(kx*111320), p[1] + dy/d*margin/111320}
		}
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString("[" + strconv.FormatFloat(p[0], 'f', 7, 64) + "," + strconv.FormatFloat(p[1], 'f', 7, 64) + "]")
	}
	b.WriteString(`]]}`)
	return b.String()
}

func cmpFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// streetMargin is how far (metres) past its outermost streets a map's
// boundary reaches when it has none of its own: the far pavement and the
// houses along it.
const streetMargin = 40

// OfMap is the boundary of a map that came without one: the hull of its
// streets (and the rest of its drawing, when it has no streets), grown by
// streetMargin; "" when it has too little drawn to make one.
func OfMap(m *atlas.Map) string {
	var streets, all [][2]float64
	for _, s := range m.Shapes {
		for _, part := range s.Parts {
			for _, p := range part {
				all = append(all, [2]float64{p.Lon, p.Lat})
				if s.Layer == atlas.Straat {
					streets = append(streets, [2]float64{p.Lon, p.Lat})
				}
			}
		}
	}
	if h := Hull(streets, streetMargin); h != "" {
		return h
	}
	return Hull(all, streetMargin)
}

// WithinMap is the check a host gives pins.Options.Within for m: inside
// its buurt (OfMap); nil when the map draws too little to have one, so the
// bbox alone decides.
func WithinMap(m *atlas.Map) func(lon, lat float64) bool {
	b := OfMap(m)
	if b == "" {
		return nil
	}
	var ix Index
	if ix.Add("kaart", b) != nil {
		return nil
	}
	return func(lon, lat float64) bool {
		in, _ := ix.Contains("kaart", lon, lat)
		return in
	}
}
