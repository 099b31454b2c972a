package label

import "math"

// segments indexes line segments: the leader lines placed so far, or the
// streets names keep off.
type segments struct {
	grid  *grid
	segs  [][4]float64
	owner []int32 // per segment: whose it is (Index.AddLineOf), or -1
}

func (l *segments) add(s [4]float64) { l.addOf(s, -1) }

func (l *segments) addOf(s [4]float64, owner int32) {
	l.grid.add(segBox(s))
	l.segs = append(l.segs, s)
	l.owner = append(l.owner, owner)
}

// anyone is no owner: crossBox then counts every segment.
const anyone = -2

// crossBox reports whether a segment runs through box b, other than
// those of owner but.
func (l *segments) crossBox(b Box, but int32) bool {
	if len(l.segs) == 0 {
		return false
	}
	x0, y0, x1, y1 := l.grid.span(b)
	for y := y0; y <= y1; y++ {
		for x := x0; x <= x1; x++ {
			for _, id := range l.grid.cells[y*l.grid.nx+x] {
				if l.owner[id] != but && segmentHitsBox(l.segs[id], b) {
					return true
				}
			}
		}
	}
	return false
}

// crossSegment reports whether a segment crosses s.
func (l *segments) crossSegment(s [4]float64) bool {
	if len(l.segs) == 0 {
		return false
	}
	x0, y0, x1, y1 := l.grid.span(segBox(s))
	for y := y0; y <= y1; y++ {
		for x := x0; x <= x1; x++ {
			for _, id := range l.grid.cells[y*l.grid.nx+x] {
				if segmentsCross(s, l.segs[id]) {
					return true
				}
			}
		}
	}
	return false
}

// alongShare is how much of a label's width a line may run through its
// letters before the spot counts as on that line.
const alongShare = 0.25

// along reports whether lines run through b's letters, from the cap height
// to the baseline, for more than alongShare of its width: text laid along
// a street reads badly, the street showing between its words. A street
// crossing the text is not along it: the letters' halo hides that.
func (l *segments) along(b Box) bool {
	if len(l.segs) == 0 {
		return false
	}
	h := b.Y1 - b.Y0
	band := Box{b.X0, b.Y0 + 0.1*h, b.X1, b.Y1 - 0.25*h}
	covered := 0.0
	x0, y0, x1, y1 := l.grid.span(band)
	for y := y0; y <= y1; y++ {
		for x := x0; x <= x1; x++ {
			for _, id := range l.grid.cells[y*l.grid.nx+x] {
				s := l.segs[id]
				// A segment filed under several cells is counted once:
				// in the first of them that the band covers.
				if sx, sy, _, _ := l.grid.span(segBox(s)); max(sx, x0) != x || max(sy, y0) != y {
					continue
				}
				if t0, t1, ok := clip(s, band); ok {
					covered += math.Abs(s[2]-s[0]) * (t1 - t0)
				}
			}
		}
	}
	return covered > alongShare*(b.X1-b.X0)
}

// blocked reports whether a leader line would run through a placed label,
// an obstacle or a mark other than its own.
func blocked(seg [4]float64, ownMark Box, boxes *grid) bool {
	x0, y0, x1, y1 := boxes.span(segBox(seg))
	for y := y0; y <= y1; y++ {
		for x := x0; x <= x1; x++ {
			for _, id := range boxes.cells[y*boxes.nx+x] {
				if b := boxes.boxes[id]; b != ownMark && segmentHitsBox(seg, b) {
					return true
				}
			}
		}
	}
	return false
}

func segBox(s [4]float64) Box {
	return Box{math.Min(s[0], s[2]), math.Min(s[1], s[3]), math.Max(s[0], s[2]), math.Max(s[1], s[3])}
}

// segmentHitsBox reports whether the segment runs through the box.
func segmentHitsBox(s [4]float64, b Box) bool {
	_, _, ok := clip(s, b)
	return ok
}

// clip clips the segment to the box (Liang–Barsky): the part from t0 to t1
// of it (0 its start, 1 its end) is inside.
func clip(s [4]float64, b Box) (t0, t1 float64, ok bool) {
	x0, y0, dx, dy := s[0], s[1], s[2]-s[0], s[3]-s[1]
	t0, t1 = 0.0, 1.0
	for _, e := range [4][2]float64{{-dx, x0 - b.X0}, {dx, b.X1 - x0}, {-dy, y0 - b.Y0}, {dy, b.Y1 - y0}} {
		p, q := e[0], e[1]
		if p == 0 {
			if q < 0 {
				return 0, 0, false
			}
			continue
		}
		r := q / p
		if p < 0 {
			t0 = math.Max(t0, r)
		} else {
			t1 = math.Min(t1, r)
		}
		if t0 > t1 {
			return 0, 0, false
		}
	}
	return t0, t1, true
}

// segmentsCross reports whether two segments properly intersect.
func segmentsCross(a, b [4]float64) bool {
	o := func(ax, ay, bx, by, cx, cy float64) float64 { return (bx-ax)*(cy-ay) - (by-ay)*(cx-ax) }
	d1 := o(b[0], b[1], b[2], b[3], a[0], a[1])
	d2 := o(b[0], b[1], b[2], b[3], a[2], a[3])
	d3 := o(a[0], a[1], a[2], a[3], b[0], b[1])
	d4 := o(a[0], a[1], a[2], a[3], b[2], b[3])
	return (d1 > 0) != (d2 > 0) && (d3 > 0) != (d4 > 0)
}
