// Package label places map labels so that none overlap: each label tries a
// few spots around its anchor (beside it, folded over two lines, then out
// on a leader) and takes the first free one, in priority order (greedy with
// a collision grid); then each label left out gets a second chance, where
// moving one placed label elsewhere makes room (repair). Labels that fit
// nowhere are left out rather than drawn over each other.
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
// and of the obstacles (a title, the legend), and off the lines (streets)
// where it can. A second pass gives the names left out another chance
// (repair).
func Place(anchors []Anchor, obstacles []Box, lines [][4]float64) []Placement {
	p := newPlacer(anchors, obstacles, lines)
	for i, a := range anchors {
		p.first(i, a)
	}
	p.repair()
	return p.out
}

// first puts label i at its first free spot that is not along a line; if
// every free spot at that distance from the mark is along one, at the
// first of those: a name on a street beside its mark reads better than
// one out on a leader.
func (p *placer) first(i int, a Anchor) {
	var onLine Placement
	ring := 0
	for it := (spots{a: a}); ; {
		c, ok := it.next()
		if !ok || it.ring != ring {
			if onLine.Placed {
				p.put(i, onLine)
				return
			}
			if !ok {
				return
			}
			ring = it.ring
		}
		if !p.free(c, a) {
			continue
		}
		if !p.lines.along(c.Box) {
			p.put(i, c)
			return
		}
		if !onLine.Placed {
			onLine = c
		}
	}
}

// placer holds a layout in progress: one collision grid for marks,
// obstacles and placed labels, one for leader lines, one for the lines
// names keep off.
type placer struct {
	anchors []Anchor
	out     []Placement
	g       *grid
	ls      *segments
	lines   *segments
	owner   []int32 // per box in g: the label it is, or -1 (a mark, an obstacle)
	box     []int32 // per label: its box's id in g
	leader  []int32 // per label: its leader's id in ls, or -1
}

func newPlacer(anchors []Anchor, obstacles []Box, lines [][4]float64) *placer {
	area, size := extent(anchors)
	p := &placer{anchors: anchors, out: make([]Placement, len(anchors)), g: newGrid(area, size),
		ls: &segments{grid: newGrid(area, size)}, lines: &segments{},
		box: make([]int32, len(anchors)), leader: make([]int32, len(anchors))}
	if len(lines) > 0 { // no grid without lines: a map of places only allocates none
		p.lines.grid = newGrid(area, size)
	}
	for _, l := range lines {
		if segBox(l).Overlaps(area) { // a street far off can touch no candidate
			p.lines.add(l)
		}
	}
	for _, b := range obstacles {
		// Only the part a candidate can reach matters: the paper's edges
		// come as boxes reaching far beyond, which must not stretch the grid.
		b = Box{max(b.X0, area.X0), max(b.Y0, area.Y0), min(b.X1, area.X1), min(b.Y1, area.Y1)}
		if b.X0 < b.X1 && b.Y0 < b.Y1 {
			p.file(b, -1)
		}
	}
	for _, a := range anchors {
		p.file(markBox(a), -1)
	}
	return p
}

// markBox is the box a's mark takes.
func markBox(a Anchor) Box { return Box{a.X - a.R, a.Y - a.R, a.X + a.R, a.Y + a.R} }

func (p *placer) file(b Box, owner int) int32 {
	p.g.add(b)
	p.owner = append(p.owner, int32(owner))
	return int32(len(p.g.boxes) - 1)
}

// free reports whether candidate c of anchor a overlaps nothing placed.
func (p *placer) free(c Placement, a Anchor) bool {
	return !p.g.hits(c.Box) && !p.ls.crossBox(c.Box, anyone) &&
		!(c.HasLeader && (p.ls.crossSegment(c.Leader) || blocked(c.Leader, markBox(a), p.g)))
}

func (p *placer) put(i int, c Placement) {
	p.out[i] = c
	p.box[i] = p.file(c.Box, i)
	p.leader[i] = -1
	if c.HasLeader {
		p.ls.add(c.Leader)
		p.leader[i] = int32(len(p.ls.segs) - 1)
	}
}

// lift takes label i off the map again: its box becomes empty, its leader
// a point far away, so neither stands in anyone's way.
func (p *placer) lift(i int) {
	p.g.boxes[p.box[i]] = Box{math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)}
	if l := p.leader[i]; l >= 0 {
		p.ls.segs[l] = [4]float64{1e300, 1e300, 1e300, 1e300}
		p.ls.grid.boxes[l] = Box{math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)}
	}
	p.out[i] = Placement{}
}

// repairBudget bounds the second pass, in candidate spots looked at, so a
// crowded map of thousands of names costs little more than the first pass
// (measured natively on the 1k bench map: its first layout, 199 names,
// 0.63 → 0.80 ms; a zoomed-in level, 1.3 → 1.6 ms, for 2–3 more names).
const repairBudget = 2000

// repair gives each name left out a second chance: where one placed name is
// all that is in the way of one of its spots, that name moves to another
// free spot of its own, if it has one, and both are on the map.
func (p *placer) repair() {
	budget := repairBudget
	for i, a := range p.anchors {
		if p.out[i].Placed {
			continue
		}
		for it := (spots{a: a}); budget > 0; budget-- {
			c, ok := it.next()
			if !ok {
				break
			}
			if p.makeRoom(i, c, &budget) {
				break
			}
		}
	}
}

// makeRoom puts label i at c if the one placed label in the way there can
// move to another free spot of its own; else it leaves all as it was.
func (p *placer) makeRoom(i int, c Placement, budget *int) bool {
	j := p.soleBlocker(c.Box)
	if j < 0 {
		return false
	}
	old := p.out[j]
	p.lift(j)
	if p.free(c, p.anchors[i]) {
		p.put(i, c)
		for it := (spots{a: p.anchors[j]}); *budget > 0; *budget-- {
			d, ok := it.next()
			if !ok {
				break
			}
			if d.Box != old.Box && p.free(d, p.anchors[j]) {
				p.put(j, d)
				return true
			}
		}
		p.lift(i)
	}
	p.put(j, old)
	return false
}

// soleBlocker returns the one placed label whose box overlaps b, or -1 when
// none does, several do, or a mark or an obstacle does.
func (p *placer) soleBlocker(b Box) int {
	who := -1
	x0, y0, x1, y1 := p.g.span(b)
	for y := y0; y <= y1; y++ {
		for x := x0; x <= x1; x++ {
			for _, id := range p.g.cells[y*p.g.nx+x] {
				if !p.g.boxes[id].Overlaps(b) {
					continue
				}
				o := int(p.owner[id])
				if o < 0 || who >= 0 && o != who {
					return -1
				}
				who = o
			}
		}
	}
	return who
}

// spots walks a's candidate spots in order of preference, nearest first:
// beside the mark in every direction (then the folded label there), then
// out on leaders.
type spots struct {
	a               Anchor
	ring, form, dir int
}

func (s *spots) next() (Placement, bool) {
	forms := 1
	if s.a.Folded.W > 0 && s.a.Folded.H > 0 {
		forms = 2
	}
	for s.ring < len(rings) {
		if s.dir < len(directions) {
			z := Size{s.a.W, s.a.H}
			if s.form == 1 {
				z = s.a.Folded
			}
			d := directions[s.dir]
			s.dir++
			c := spot(s.a, z, s.a.R+2+s.a.H*rings[s.ring], d[0], d[1], s.ring > 0)
			c.Folded = s.form == 1
			return c, true
		}
		s.dir = 0
		if s.form++; s.form >= forms {
			s.form, s.ring = 0, s.ring+1
		}
	}
	return Placement{}, false
}

// rings are the distances tried, beyond the mark's edge, in label heights:
// next to the mark, then twice further out with a leader line.
var rings = [3]float64{0, 1.6, 3.2}

// directions are unit steps in the order cartographers prefer: right,
// left, the four diagonals, straight up and down, then right and left a
// little up or down.
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
