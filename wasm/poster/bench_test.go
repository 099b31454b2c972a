package poster

import (
	"io"
	"testing"
)

// BenchmarkCompose lays out (and writes as SVG) an A2 poster of the sample
// and of 1,000 places: the core's share of the CLI's ≤ 3 s budget.
func BenchmarkCompose(b *testing.B) {
	for _, bc := range []struct {
		name string
		n    int
	}{{"sample", 0}, {"1k", 1000}} {
		m := sample(b)
		if bc.n > 0 {
			m = crowded(b, bc.n, 1)
		}
		b.Run(bc.name, func(b *testing.B) {
			for b.Loop() {
				p, err := Compose(m, fixed(Paper{Size: A2}))
				if err != nil {
					b.Fatal(err)
				}
				WriteSVG(io.Discard, p.Pages[0])
			}
		})
	}
}
