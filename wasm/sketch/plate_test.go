package sketch

import (
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
