package sketch

import (
	"fmt"
	"math"
	"math/rand"
	"strconv"
	"strings"
	"testing"
)

func TestPlace(t *testing.T) {
	tests := []struct {
		d       string
		s, x, y float64
		want    string
	}{
		{"M0-6.3L1.7-2.1 6.1-1.8Z", 1, 100, 200, "M100 193.7L101.7 197.9 106.1 198.2Z"},
		{"M-5.4-1.3H5.4V4.9H-5.4Z", 2, 10, 10, "M-0.8 7.4H20.8V19.8H-0.8Z"},
		{"M0 0Q1 2 3 4", 0.5, 0, 0, "M0 0Q0.5 1 1.5 2"},
		{circle(0, 0, 2), 2, 50, 50, "M46 50A4 4 0 1 0 54 50A4 4 0 1 0 46 50Z"},
	}
	for _, tt := range tests {
		var b strings.Builder
		place(&b, tt.d, tt.s, tt.x, tt.y)
		if b.String() != tt.want {
			t.Errorf("place(%q, %v, %v, %v) = %q, want %q", tt.d, tt.s, tt.x, tt.y, b.String(), tt.want)
		}
	}
}

// Every icon's path data must be made of the commands place understands.
func TestIconsArePlaceable(t *testing.T) {
	for id, parts := range iconParts {
		for _, p := range parts {
			for _, c := range p.d {
				if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' && !strings.ContainsRune("MLHVQAZ", c) {
					t.Errorf("%s: command %q is not placeable", id, c)
				}
			}
		}
	}
}

// Cluster counts are figures drawn as strokes: one subpath start per
// figure, centred on the cluster, and inside its circle (20 units across)
// however many figures the count has.
func TestNumbers(t *testing.T) {
	for _, n := range []string{"7", "42", "574", "1203", "10000"} {
		var b strings.Builder
		writeNumber(&b, n, 1, 100, 50)
		d := b.String()
		if got := strings.Count(d, "M"); got != len(n) {
			t.Errorf("%s: %d figures drawn, want %d", n, got, len(n))
		}
		// Figures use only M, L, Q and Z, so the numbers alternate x and y.
		nums := strings.FieldsFunc(strings.NewReplacer("-", " -").Replace(d), func(r rune) bool { return strings.ContainsRune("MLQZ ", r) })
		x0, x1, y0, y1 := 1e9, -1e9, 1e9, -1e9
		for i, s := range nums {
			var v float64
			if _, err := fmt.Sscan(s, &v); err != nil {
				t.Fatalf("%s: %q in %q: %v", n, s, d, err)
			}
			if i%2 == 0 {
				x0, x1 = min(x0, v), max(x1, v)
			} else {
				y0, y1 = min(y0, v), max(y1, v)
			}
		}
		if cx := (x0 + x1) / 2; math.Abs(cx-100) > 0.6 {
			t.Errorf("%s: centred on x %.1f, want 100", n, cx)
		}
		if x1-x0 > 20 || y0 < 50-4.5 || y1 > 50+4.5 {
			t.Errorf("%s: figures span x %.1f…%.1f, y %.1f…%.1f: outside the cluster's circle", n, x0, x1, y0, y1)
		}
	}
}

// appendNum writes what the general formatter writes for a number rounded
// to one decimal, for every number a drawing holds.
func TestAppendNumMatchesFormatFloat(t *testing.T) {
	want := func(v float64) string {
		v = math.Round(v*10) / 10
		if v == 0 {
			v = 0
		}
		return strconv.FormatFloat(v, 'f', -1, 64)
	}
	vals := []float64{0, -0.0, 0.04, -0.04, 0.05, -0.05, 0.96, 1, -1, 12.5, -12.5, 735.45, 1e6 + 0.3, -1e9, 123456789.87}
	rng := rand.New(rand.NewSource(7))
	for range 20000 {
		vals = append(vals, (rng.Float64()-0.5)*4000, (rng.Float64()-0.5)*2)
	}
	for _, v := range vals {
		if got := num(v); got != want(v) {
			t.Fatalf("num(%v) = %q, want %q", v, got, want(v))
		}
	}
}
