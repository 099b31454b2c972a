// Package label places map labels so that none overlap: each label tries a
// few spots around its anchor and takes the first free one, in priority
// order (greedy with a collision grid). Labels that fit nowhere are left out
// rather than drawn over each other.
package label

// Box is an axis-aligned rectangle in drawing units, y down.
type Box struct{ X0, Y0, X1, Y1 float64 }

// Overlaps reports whether a and b share any area (touching edges do not count).
func (a Box) Overlaps(b Box) bool {
	return a.X0 < b.X1 && b.X0 < a.X1 && a.Y0 < b.Y1 && b.Y0 < a.Y1
}

// Align is how a label's text is anchored at its position.
type Align int

const (
	Start  Align = iota // text runs right from X
	End                 // text ends at X
	Middle              // text centred on X
)

// Anchor is a thing to label: a mark of radius R at (X, Y) and the size of
// its label text.
type Anchor struct {
	X, Y, R float64
	W, H    float64 // label width and height (cap height plus descent)
}

// Placement is where a label went. X, Y is the text baseline origin, as SVG
// wants it.
type Placement struct {
	Placed bool
	X, Y   float64
	Align  Align
	Box    Box
}

// Place labels anchors in order (earlier wins), keeping clear of every mark
// and of the obstacles (a title, the legend).
func Place(anchors []Anchor, obstacles []Box) []Placement {
	g := newGrid(cellSize(anchors))
	for _, b := range obstacles {
		g.add(b)
	}
	for _, a := range anchors {
		g.add(Box{a.X - a.R, a.Y - a.R, a.X + a.R, a.Y + a.R})
	}
	out := make([]Placement, len(anchors))
	for i, a := range anchors {
		for _, c := range candidates(a) {
			if !g.hits(c.Box) {
				g.add(c.Box)
				out[i] = c
				break
			}
		}
	}
	return out
}

// candidates lists the spots tried for a label, best first: right, left,
// above, below the mark — the order cartographers prefer.
func candidates(a Anchor) []Placement {
	gap := a.R + 2
	descent := a.H * 0.25
	midY := a.Y + a.H/2 - descent // baseline that centres the text on the mark
	return []Placement{
		{true, a.X + gap, midY, Start, Box{a.X + gap, a.Y - a.H/2, a.X + gap + a.W, a.Y + a.H/2}},
		{true, a.X - gap, midY, End, Box{a.X - gap - a.W, a.Y - a.H/2, a.X - gap, a.Y + a.H/2}},
		{true, a.X, a.Y - gap - descent, Middle, Box{a.X - a.W/2, a.Y - gap - a.H, a.X + a.W/2, a.Y - gap}},
		{true, a.X, a.Y + gap + a.H - descent, Middle, Box{a.X - a.W/2, a.Y + gap, a.X + a.W/2, a.Y + gap + a.H}},
	}
}

func cellSize(anchors []Anchor) float64 {
	size := 32.0
	for _, a := range anchors {
		size = max(size, a.W)
	}
	return size
}
