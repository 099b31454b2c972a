package atlas

import (
	"fmt"
	"math"
	"testing"
)

// vector writes numbers as fmt's %v does.
func FuzzVector(f *testing.F) {
	f.Add(4.3, 52.1)
	f.Add(1e21, -1e-7)
	f.Add(math.Inf(1), math.NaN())
	f.Add(0.0, math.Copysign(0, -1))
	f.Fuzz(func(t *testing.T, a, b float64) {
		for _, v := range [][]float64{{a, b}, {a}, {}, {a, b, a, b}} {
			if got, want := vector(v), fmt.Sprintf("%v", v); got != want {
				t.Fatalf("vector(%v) = %q, want %q", v, got, want)
			}
		}
	})
}
