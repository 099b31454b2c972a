package poster

import (
	"math"
	"strconv"

	"github.com/buurtkaart/buurtkaart/wasm/label"
	"github.com/buurtkaart/buurtkaart/wasm/sketch"
)

// placed is a label on the map: its text, where it went, and the leader
// line drawn to it when it sits away from its mark.
type placed struct {
	Text   Text
	Box    label.Box
	Leader []XY // nil when the label touches its mark
}

// labeller places the labels of the map's entries in three passes, so that
// every entry gets at least its number and no two labels overlap:
//
//  1. "12 Breiclub De Steek" beside the mark or on a short leader
//     (label.Place), off the streets' edges and the walk where it can;
//  2. "12" alone at one of eight spots around the mark;
//  3. "12" at the end of a leader line, up to 30 mark radii away, at 16
//     angles — far enough for the densest cluster of the 1,000-place test.
//
// Labels stay inside area, clear of every mark and of the reserved boxes.
type labeller struct {
	area     Rect
	size     float64 // font size
	r        float64 // mark radius
	measure  func(string, float64) float64
	reserved []label.Box
	lines    [][4]float64 // streets and the walk: names keep off them where they can
	pal      *sketch.Palette
}

// leaderRadii are the distances tried in pass 3, in mark radii.
var leaderRadii = []float64{3, 4.5, 6.5, 9, 12, 16, 20, 25, 30}

// place labels the entries and returns the labels, what they took (marks,
// reserved boxes, labels and leaders: for the street names and notes after
// them) and how many entries got no label.
func (l labeller) place(at []XY, es []entry) (out []placed, taken *label.Index, unlabelled int) {
	out = make([]placed, len(es))
	anchors := make([]label.Anchor, len(es))
	for i, e := range es {
		s := strconv.Itoa(e.N) + " " + e.Name
		anchors[i] = label.Anchor{X: at[i].X, Y: at[i].Y, R: l.r, W: l.measure(s, l.size), H: l.size}
	}
	widest := 0.0
	for _, a := range anchors {
		widest = max(widest, a.W)
	}
	obstacles := append(l.frameBands(widest+2*l.r+l.size), l.reserved...)
	a := l.area
	g := label.NewIndex(label.Box{X0: a.X, Y0: a.Y, X1: a.X + a.W, Y1: a.Y + a.H}, max(32, l.size*6))
	placements := label.Place(anchors, obstacles, l.lines)
	for i, pl := range placements {
		if pl.Placed {
			out[i] = placed{Text: l.text(strconv.Itoa(es[i].N)+" "+es[i].Name, pl.X, pl.Y, pl.Align), Box: pl.Box}
		}
	}
	// Boxes only: the numbers' leaders below avoid the names' boxes, and
	// the names sit beside their marks, so their leaders (label.Place's
	// own) are not filed.
	for i := range placements {
		placements[i].HasLeader = false
	}
	g.Placed(anchors, obstacles, placements)
	for i := range es {
		if out[i].Text.S != "" {
			continue
		}
		num := strconv.Itoa(es[i].N)
		if p, ok := l.numberNear(g, at[i], num); ok {
			out[i] = p
			g.Add(p.Box)
			continue
		}
		unlabelled++
	}
	for _, p := range out {
		if len(p.Leader) == 2 {
			g.AddLine([4]float64{p.Leader[0].X, p.Leader[0].Y, p.Leader[1].X, p.Leader[1].Y})
		}
	}
	return out, g, unlabelled
}

// numberNear finds a free spot for a number label: beside the mark first,
// then at the end of ever longer leaders.
func (l labeller) numberNear(g *label.Index, c XY, num string) (placed, bool) {
	w, h := l.measure(num, l.size), l.size
	try := func(cx, cy float64) (label.Box, bool) {
		b := label.Box{X0: cx - w/2, Y0: cy - h/2, X1: cx + w/2, Y1: cy + h/2}
		return b, inside(b, l.area) && !g.Hits(b)
	}
	gap := l.r + 1.5
	for k := 0; k < 8; k++ {
		a := float64(k) * math.Pi / 4
		cx, cy := c.X+math.Cos(a)*(gap+w/2), c.Y+math.Sin(a)*(gap+h/2)
		if b, ok := try(cx, cy); ok {
			return placed{Text: l.text(num, cx, cy+h*0.35, label.Middle), Box: b}, true
		}
	}
	for _, rr := range leaderRadii {
		d := rr * l.r
		for k := 0; k < 16; k++ {
			a := (float64(k) + 0.5) * math.Pi / 8
			cx, cy := c.X+math.Cos(a)*(d+w/2), c.Y+math.Sin(a)*(d+h/2)
			if b, ok := try(cx, cy); ok {
				from := XY{X: c.X + math.Cos(a)*l.r*1.2, Y: c.Y + math.Sin(a)*l.r*1.2}
				to := XY{X: c.X + math.Cos(a)*(d-1), Y: c.Y + math.Sin(a)*(d-1)}
				return placed{Text: l.text(num, cx, cy+h*0.35, label.Middle), Box: b, Leader: []XY{from, to}}, true
			}
		}
	}
	return placed{}, false
}

// haloShare is a label's halo width in its size: on A2 (8.6 pt) 3.4 pt,
// 1.7 pt of paper either side of each stroke of the letters: enough to
// close the gap between two words, where a line would show as a dot.
const haloShare = 0.4

func (l labeller) text(s string, x, y float64, a label.Align) Text {
	t := Text{At: XY{X: x, Y: y}, S: s, Size: l.size, Fill: l.pal.Ink, Halo: l.size * haloShare, HaloInk: l.pal.Paper}
	switch a {
	case label.End:
		t.Align = End
	case label.Middle:
		t.Align = Middle
	}
	return t
}

// frameBands are four boxes around the area, as thick as the widest label
// reaches out of it, so label.Place, which knows no frame, keeps every
// label inside. (Thicker bands would only fill more grid cells.)
func (l labeller) frameBands(big float64) []label.Box {
	a := l.area
	return []label.Box{
		{X0: a.X - big, Y0: a.Y - big, X1: a.X + a.W + big, Y1: a.Y},
		{X0: a.X - big, Y0: a.Y + a.H, X1: a.X + a.W + big, Y1: a.Y + a.H + big},
		{X0: a.X - big, Y0: a.Y, X1: a.X, Y1: a.Y + a.H},
		{X0: a.X + a.W, Y0: a.Y, X1: a.X + a.W + big, Y1: a.Y + a.H},
	}
}
