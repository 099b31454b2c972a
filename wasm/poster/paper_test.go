package poster

import (
	"math"
	"testing"
)

// TestPaperPoints checks the exact ISO 216 sizes in points (mm × 72 / 25.4).
func TestPaperPoints(t *testing.T) {
	tests := []struct {
		paper Paper
		w, h  float64
	}{
		{Paper{Size: A4}, 595.28, 841.89},
		{Paper{Size: A3}, 841.89, 1190.55},
		{Paper{Size: A2}, 1190.55, 1683.78},
		{Paper{Size: A1}, 1683.78, 2383.94},
		{Paper{Size: A3, Landscape: true}, 1190.55, 841.89},
		{Paper{}, 595.28, 841.89}, // the zero value is A4 standing
	}
	for _, tt := range tests {
		t.Run(tt.paper.String(), func(t *testing.T) {
			w, h := tt.paper.Points()
			if math.Abs(w-tt.w) > 0.005 || math.Abs(h-tt.h) > 0.005 {
				t.Errorf("%v = %.3f × %.3f pt, want %.2f × %.2f", tt.paper, w, h, tt.w, tt.h)
			}
		})
	}
}

func TestParseSize(t *testing.T) {
	for in, want := range map[string]Size{"A4": A4, "a3": A3, " A2 ": A2, "A1": A1, "": A4} {
		if got, err := ParseSize(in); err != nil || got != want {
			t.Errorf("ParseSize(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	if _, err := ParseSize("A0"); err == nil || err.Error() != `poster: unknown paper size "A0"; use A4, A3, A2 or A1` {
		t.Errorf("ParseSize(A0): %v", err)
	}
}
