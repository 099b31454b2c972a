// Package label places map labels so that none overlap: each label tries a
// few spots around its anchor and takes the first free one, in priority
// order (greedy with a collision grid). Labels that fit nowhere are left out
// rather than drawn over each other.
package label

import "math"

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
	// Folded is the size of the same label broken over two lines; zero if
	// it has no such form. At each distance from the mark it is tried after
	// the one-line label found no room there: a long name folded beside its
	// mark reads better than one line at the end of a leader.
	Folded Size
}

// Size is a label's width and height.
type Size struct{ W, H float64 }

// Placement is where a label went. X, Y is the text baseline origin, as SVG
// wants it. A label set away from its mark has a leader: a short line
// from the mark's edge (Leader[0], Leader[1]) to the label (Leader[2], Leader[3]).
type Placement struct {
	Placed    bool
	Folded    bool // the label is in its two-line form (Anchor.Folded)
	X, Y      float64
	Align     Align
	Box       Box
	HasLeader bool
	Leader    [4]float64
}

// Place labels anchors in order (earlier wins), keeping clear of every mark
// and of the obstacles (a title, the legend).
func Place(anchors []Anchor, obstacles []Box) []Placement {
	area, size := extent(anchors)
	g := newGrid(area, size)
	for _, b := range obstacles {
		// Only the part a candidate can reach matters: the paper's edges
		// come as boxes reaching far beyond, which must not stretch the grid.
		b = Box{max(b.X0, area.X0), max(b.Y0, area.Y0), min(b.X1, area.X1), min(b.Y1, area.Y1)}
		if b.X0 < b.X1 && b.Y0 < b.Y1 {
			g.add(b)
		}
	}
	for _, a := range anchors {
		g.add(Box{a.X - a.R, a.Y - a.R, a.X + a.R, a.Y + a.R})
	}
	ls := &leaders{grid: newGrid(area, size)}
	out := make([]Placement, len(anchors))
	for i, a := range anchors {
	search:
		for ring := range rings {
			for fi, form := range forms(a) {
				for _, dir := range directions {
					c := spot(a, form, a.R+2+a.H*rings[ring], dir[0], dir[1], ring > 0)
					if g.hits(c.Box) || ls.crossBox(c.Box) || c.HasLeader && (ls.crossSegment(c.Leader) || blocked(c.Leader, a, g)) {
						continue
					}
					g.add(c.Box)
					if c.HasLeader {
						ls.add(c.Leader)
					}
					c.Folded = fi > 0
					out[i] = c
					break search
				}
			}
		}
	}
	return out
}

// forms are the shapes a's label can take, in the order tried.
func forms(a Anchor) []Size {
	if a.Folded.W <= 0 || a.Folded.H <= 0 {
		return []Size{{a.W, a.H}}
	}
	return []Size{{a.W, a.H}, a.Folded}
}

// rings are the distances tried, beyond the mark's edge, in label heights:
// next to the mark, then twice further out with a leader line.
var rings = [3]float64{0, 1.6, 3.2}

// directions are unit steps in the order cartographers prefer: right,
// left, the four diagonals, then straight up and down.
var directions = [][2]float64{{1, 0}, {-1, 0}, {k, -k}, {k, k}, {-k, -k}, {-k, k}, {0, -1}, {0, 1}, {0.924, -0.383}, {0.924, 0.383}, {-0.924, -0.383}, {-0.924, 0.383}}

const k = 0.7071

// spot puts a's label, of size z, d units from the mark in direction
// (dx, dy): the label's nearest edge or corner touches that point.
func spot(a Anchor, z Size, d, dx, dy float64, leader bool) Placement {
	px, py := a.X+dx*d, a.Y+dy*d
	descent := z.H * 0.25
	p := Placement{Placed: true}
	var b Box
	switch {
	case dx > 0.5:
		b = Box{px, py - z.H/2, px + z.W, py + z.H/2}
	case dx < -0.5:
		b = Box{px - z.W, py - z.H/2, px, py + z.H/2}
	case dx > 0: // diagonal right
		b = Box{px, py - z.H/2 + dy*z.H/2, px + z.W, py + z.H/2 + dy*z.H/2}
	case dx < 0:
		b = Box{px - z.W, py - z.H/2 + dy*z.H/2, px, py + z.H/2 + dy*z.H/2}
	case dy < 0:
		b = Box{px - z.W/2, py - z.H, px + z.W/2, py}
	default:
		b = Box{px - z.W/2, py, px + z.W/2, py + z.H}
	}
	p.Box = b
	p.Y = b.Y1 - descent
	switch {
	case dx > 0:
		p.X, p.Align = b.X0, Start
	case dx < 0:
		p.X, p.Align = b.X1, End
	default:
		p.X, p.Align = (b.X0+b.X1)/2, Middle
	}
	if leader {
		p.HasLeader = true
		p.Leader = [4]float64{a.X + dx*(a.R+1), a.Y + dy*(a.R+1), a.X + dx*(d-1.5), a.Y + dy*(d-1.5)}
	}
	return p
}

// extent returns the area any candidate can reach, and a cell size of
// about two label heights: small enough that a cell holds a few boxes,
// large enough that a label spans few cells.
func extent(anchors []Anchor) (Box, float64) {
	b := Box{math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)}
	reach, h := 0.0, 0.0
	for _, a := range anchors {
		b = Box{min(b.X0, a.X), min(b.Y0, a.Y), max(b.X1, a.X), max(b.Y1, a.Y)}
		reach = max(reach, a.R+2+a.H*3.2+max(a.W, a.Folded.W)+max(a.H, a.Folded.H))
		h += a.H
	}
	if len(anchors) == 0 {
		return Box{0, 0, 1, 1}, 1
	}
	return Box{b.X0 - reach, b.Y0 - reach, b.X1 + reach, b.Y1 + reach}, max(2*h/float64(len(anchors)), 1e-9)
}
