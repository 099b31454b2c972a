package sketch

import (
	"math"
	"testing"
)

// On the sample, at the laptop scale, names keep off the streets: without
// them, 14 of 67 names ran along one (the street showing between their
// words); with them 4 of 66. At most 5, and at most one place fewer named.
func TestNamesKeepOffStreets(t *testing.T) {
	m, f := sample(t)
	streets := Streets(f, m.Shapes)
	if len(streets) < 50 {
		t.Fatalf("%d street segments in the sample; want its streets", len(streets))
	}
	count := func(withStreets bool) (named, along int) {
		c := Cluster(f, m.Places, ScreenScale, nil)
		o := &LabelOptions{Scale: ScreenScale, Only: c.Singles, Clusters: c.Groups}
		if withStreets {
			o.Streets = streets
		}
		size := defaultFontSize * ScreenScale
		for _, it := range Labels(f, m.Places, o).Items {
			tx, ok := it.(Text)
			if !ok {
				continue
			}
			named++
			if len(tx.Lines) == 0 && onStreet(tx, size, streets) {
				along++
			}
		}
		return named, along
	}
	named0, along0 := count(false)
	named, along := count(true)
	t.Logf("names along a street: %d of %d without streets, %d of %d with", along0, named0, along, named)
	if along > 5 || along >= along0 {
		t.Errorf("%d names along a street (without streets given: %d); want at most 5", along, along0)
	}
	if named < named0-1 {
		t.Errorf("%d places named, %d without streets given; want at most one fewer", named, named0)
	}
}

// onStreet is an oracle written apart from the placer's: it walks across
// a one-line name in steps of one unit and reports whether a street runs
// between its cap height and its baseline over more than a quarter of it.
func onStreet(tx Text, size float64, streets [][4]float64) bool {
	w, h := textWidth(tx.S, size), size*lineHeight
	x0 := tx.At.X
	switch tx.Anchor {
	case "end":
		x0 -= w
	case "middle":
		x0 -= w / 2
	}
	top, base := tx.At.Y+0.25*h-0.9*h, tx.At.Y
	hit := 0
	for x := x0 + 0.5; x < x0+w; x++ {
		for _, s := range streets {
			if x < math.Min(s[0], s[2]) || x > math.Max(s[0], s[2]) || s[0] == s[2] {
				continue
			}
			if y := s[1] + (s[3]-s[1])*(x-s[0])/(s[2]-s[0]); y > top && y < base {
				hit++
				break
			}
		}
	}
	return float64(hit) > 0.25*w
}
