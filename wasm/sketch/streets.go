package sketch

import "github.com/buurtkaart/buurtkaart/wasm/atlas"

// Streets returns the streets of shapes as segments in drawing units, for
// LabelOptions.Streets: names keep off them where they can, as a hand
// writes between the lines of a map rather than over them.
func Streets(f Frame, shapes []atlas.Shape) [][4]float64 {
	var out [][4]float64
	for _, s := range shapes {
		if s.Layer != atlas.Straat || s.Area {
			continue
		}
		for _, part := range s.Parts {
			for i := 1; i < len(part); i++ {
				a, b := f.Project(part[i-1]), f.Project(part[i])
				out = append(out, [4]float64{a.X, a.Y, b.X, b.Y})
			}
		}
	}
	return out
}
