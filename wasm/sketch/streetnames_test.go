package sketch

import (
	"math"
	"testing"

	"github.com/buurtkaart/buurtkaart/wasm/label"
)

// laptopScale is the scale the page draws the sample at on a 1280×800
// laptop (web/core.js nameScale: names 12 px with a mouse, 0.96 of the
// drawing's width in names): the map is 706 px high under the 80 px title
// row (web/style.css), 1,254 px wide, so the drawing is letterboxed by its
// height. scripts/look.mjs reads 1.259 in Chromium.
func laptopScale(f Frame) float64 {
	return f.Width * 0.96 / min(1254, 706*f.Width/f.Height)
}

// TestStreetNamesOnLaptop: at the laptop's scale at least 10 of the
// sample's streets have their names written along them, each beside its
// own street and in its direction, none over a place's name or mark.
func TestStreetNamesOnLaptop(t *testing.T) {
	m, f := sample(t)
	scale := laptopScale(f)
	c := Cluster(f, m.Places, scale, nil)
	g := Labels(f, m.Places, &LabelOptions{Scale: scale, Only: c.Singles, Clusters: c.Groups,
		Streets: Streets(f, m.Shapes), StreetNames: NamedStreets(f, m.Shapes)})
	var names, streets []Text
	for _, it := range g.Items {
		if tx, ok := it.(Text); ok && tx.Class == "straatnaam" {
			streets = append(streets, tx)
		} else if ok {
			names = append(names, tx)
		}
	}
	t.Logf("scale %.3f: %d place names, %d street names", scale, len(names), len(streets))
	if len(streets) < 10 {
		t.Errorf("%d street names at the laptop's scale, want ≥ 10", len(streets))
	}
	if len(names) < 62 {
		t.Errorf("%d places named, want ≥ 62 (90 %% of 68): street names come after them", len(names))
	}
	size := defaultFontSize * scale * streetShare
	lines := map[string][][]XY{}
	for _, st := range NamedStreets(f, m.Shapes) {
		lines[st.Name] = st.Lines
	}
	for _, s := range streets {
		b := turnedBox(s, size)
		for _, n := range names {
			if b.Overlaps(label.Box{X0: n.Name.X0, Y0: n.Name.Y0, X1: n.Name.X1, Y1: n.Name.Y1}) {
				t.Errorf("%q overlaps the name %q", s.S, n.S)
			}
		}
		for _, i := range c.Singles {
			at, r := f.Project(m.Places[i].At), markRadius*scale
			if b.Overlaps(label.Box{X0: at.X - r, Y0: at.Y - r, X1: at.X + r, Y1: at.Y + r}) {
				t.Errorf("%q covers the mark of %q", s.S, m.Places[i].Name)
			}
		}
		// Beside its street: the middle of its letters within the gap, a
		// bend of the street (a third of a line) and a line of letters
		// from it, and the street runs in the letters' direction there.
		mid := XY{(b.X0 + b.X1) / 2, (b.Y0 + b.Y1) / 2}
		best, dir := math.Inf(1), 0.0
		for _, l := range lines[s.S] {
			for j := 1; j < len(l); j++ {
				if d := segmentDist(mid, l[j-1], l[j]); d < best {
					best, dir = d, math.Atan2(l[j].Y-l[j-1].Y, l[j].X-l[j-1].X)*180/math.Pi
				}
			}
		}
		turn := math.Abs(math.Remainder(dir-s.Angle, 180))
		if best > streetGap+0.1*size+1.3*size*lineHeight || turn > 15 {
			t.Errorf("%q is %.1f units from its street, turned %.0f° from it", s.S, best, turn)
		}
	}
}

// turnedBox is an oracle apart from the lettering's: it turns the corners
// of a street name's letters (its advances, a line high, the baseline a
// quarter up) about its position, and boxes them.
func turnedBox(s Text, size float64) label.Box {
	w, h := textWidth(s.S, size), size*lineHeight
	a := s.Angle * math.Pi / 180
	b := label.Box{X0: math.Inf(1), Y0: math.Inf(1), X1: math.Inf(-1), Y1: math.Inf(-1)}
	for _, c := range [][2]float64{{-w / 2, -0.75 * h}, {w / 2, -0.75 * h}, {w / 2, 0.25 * h}, {-w / 2, 0.25 * h}} {
		x, y := s.At.X+c[0]*math.Cos(a)-c[1]*math.Sin(a), s.At.Y+c[0]*math.Sin(a)+c[1]*math.Cos(a)
		b = label.Box{X0: min(b.X0, x), Y0: min(b.Y0, y), X1: max(b.X1, x), Y1: max(b.Y1, y)}
	}
	return b
}

// segmentDist is the distance of p from the segment a–b.
func segmentDist(p, a, b XY) float64 {
	dx, dy := b.X-a.X, b.Y-a.Y
	t := max(0, min(1, ((p.X-a.X)*dx+(p.Y-a.Y)*dy)/(dx*dx+dy*dy)))
	return math.Hypot(p.X-a.X-t*dx, p.Y-a.Y-t*dy)
}
