package label

// Index is what is already on a map, for the passes after Place: the
// boxes taken (names, marks, a scale bar) and the lines drawn (leaders),
// so a street name or a note finds a free spot and a leader that crosses
// nothing. It is the placer's own grid: the poster and the screen share it
// instead of each keeping an occupancy grid of their own.
type Index struct {
	g    *grid
	segs *segments
}

// NewIndex covers area with cells of about cell units: a few label
// heights. Boxes outside area are kept too, in the edge cells.
func NewIndex(area Box, cell float64) *Index {
	return &Index{g: newGrid(area, cell), segs: &segments{grid: newGrid(area, cell)}}
}

// Add takes b.
func (x *Index) Add(b Box) { x.g.add(b) }

// AddLine records a drawn line (a leader) from (s[0], s[1]) to (s[2], s[3]).
func (x *Index) AddLine(s [4]float64) { x.segs.add(s) }

// Hits reports whether b overlaps a box taken or a line drawn.
func (x *Index) Hits(b Box) bool { return x.g.hits(b) || x.segs.crossBox(b, anyone) }

// AddLineOf records a line of something, owner (≥ 0): a street, whose
// own name CrossedBut lets run beside it.
func (x *Index) AddLineOf(s [4]float64, owner int) { x.segs.addOf(s, int32(owner)) }

// CrossedBut reports whether a line drawn runs through b, other than
// owner's own.
func (x *Index) CrossedBut(b Box, owner int) bool { return x.segs.crossBox(b, int32(owner)) }

// Along reports whether the lines drawn run through the letters of a line
// of text in b, from its cap height to its baseline, over more than a
// quarter of its width: a street there shows between its words (Place
// keeps names off such spots where it can).
func (x *Index) Along(b Box) bool { return x.segs.along(b) }

// Blocks reports whether a line s would cross a line drawn or run through
// a box taken, other than own (the mark it starts from).
func (x *Index) Blocks(s [4]float64, own Box) bool {
	return x.segs.crossSegment(s) || blocked(s, own, x.g)
}

// Placed fills x with what a layout of Place took: the marks, the
// obstacles, the labels placed and their leaders.
func (x *Index) Placed(anchors []Anchor, obstacles []Box, out []Placement) {
	for _, b := range obstacles {
		x.Add(b)
	}
	for _, a := range anchors {
		x.Add(markBox(a))
	}
	for _, p := range out {
		if p.Placed {
			x.Add(p.Box)
			if p.HasLeader {
				x.AddLine(p.Leader)
			}
		}
	}
}
