package poster

import (
	"math"
	"strings"

	"github.com/buurtkaart/buurtkaart/wasm/atlas"
	"github.com/buurtkaart/buurtkaart/wasm/kind"
	"github.com/buurtkaart/buurtkaart/wasm/label"
	"github.com/buurtkaart/buurtkaart/wasm/sketch"
)

// mapSheet draws the map into a frame on the page.
type mapSheet struct {
	m     *atlas.Map
	frame Rect
	u     float64 // the poster's unit: a hundredth of the sheet's short side
	o     Options
}

// pen is the poster's pen in the screen's: the lines of the same drawing,
// finer. A poster is read from close by, its names half the size the
// screen's are in the drawing, and at the screen's weight its streets
// (up to 3.3 pt on A2) drowned its writing; a fine liner's are 0.6 of that.
const pen = 0.6

// placing puts sketch's drawing on the page: a point q of the drawing is
// at o + k·q. The drawing is the screen's (sketch.DrawingWidth units wide,
// the same frame and seeds), so the poster's streets wobble as the
// screen's do, only larger.
type placing struct {
	k float64
	o XY
}

func (pl placing) at(q sketch.XY) XY { return XY{X: pl.o.X + pl.k*q.X, Y: pl.o.Y + pl.k*q.Y} }

func (pl placing) all(qs []sketch.XY) []XY {
	out := make([]XY, len(qs))
	for i, q := range qs {
		out[i] = pl.at(q)
	}
	return out
}

// fitting places the drawing of f so that the map's bbox fills r, centred.
func fitting(f sketch.Frame, r Rect) placing {
	nw := f.Project(atlas.Point{Lon: f.Bounds.W, Lat: f.Bounds.N})
	se := f.Project(atlas.Point{Lon: f.Bounds.E, Lat: f.Bounds.S})
	k := min(r.W/(se.X-nw.X), r.H/(se.Y-nw.Y))
	return placing{k: k, o: XY{X: r.X + (r.W-k*(se.X-nw.X))/2 - k*nw.X, Y: r.Y + (r.H-k*(se.Y-nw.Y))/2 - k*nw.Y}}
}

// aspect is width over height of b as the map draws it.
func aspect(b atlas.BBox) float64 {
	f := sketch.NewFrame(b, sketch.DrawingWidth, sketch.DrawingMargin)
	nw, se := f.Project(atlas.Point{Lon: b.W, Lat: b.N}), f.Project(atlas.Point{Lon: b.E, Lat: b.S})
	return (se.X - nw.X) / (se.Y - nw.Y)
}

// metresPerPoint is the ground one point of the sheet covers: one degree
// of latitude is 111,320 m.
func (sm sheetMap) metresPerPoint() float64 {
	b := sm.f.Bounds
	nw, se := sm.f.Project(atlas.Point{Lon: b.W, Lat: b.N}), sm.f.Project(atlas.Point{Lon: b.E, Lat: b.S})
	return (b.N - b.S) * 111320 / ((se.Y - nw.Y) * sm.pl.k)
}

// sheetMap is the drawn map on the sheet, as the passes after it need it.
type sheetMap struct {
	f     sketch.Frame
	pl    placing
	inner Rect // where the bbox is drawn; labels stay inside
	clip  Rect // where the base stops: just inside the frame's line
}

// drawn is what the map's labelling wrote, for the tests and the caller.
type drawn struct {
	unlabelled int // entries the map could not label (0 on every tested map)
	notes      int // notes written in the map
}

// draw adds the framed map with its marks, names, street names and notes
// to p.
func (s mapSheet) draw(p *Page, es []entry) drawn {
	f, u, pal := s.frame, s.u, s.o.pal
	border := sketch.Wobble(append(corners(f), corners(f)[0]), "frame", u*0.12, u*4)
	p.add(Path{D: sketch.PathData(border[:len(border)-1], true, true), Fill: pal.Paper, Stroke: pal.Ink, Width: max(0.8, u*0.14)})
	inner := Rect{f.X + u*1.2, f.Y + u*1.2, f.W - u*2.4, f.H - u*2.4}
	frame := sketch.NewFrame(s.m.Bounds, sketch.DrawingWidth, sketch.DrawingMargin)
	sm := sheetMap{f: frame, pl: fitting(frame, inner), inner: inner, clip: Rect{f.X + u*0.3, f.Y + u*0.3, f.W - u*0.6, f.H - u*0.6}}
	s.base(p, sm)

	r := max(2.4, u*0.34)
	at := make([]XY, len(es))
	for i, e := range es {
		at[i] = sm.pl.at(frame.Project(e.At))
	}
	reserved := s.furniture(p, sm, inner)
	lb := labeller{area: inner, size: labelSize(u), r: r, measure: s.o.Measure, reserved: reserved, lines: s.lines(sm), pal: pal}
	labels, taken, unlabelled := lb.place(at, es)
	names := s.streetNames(sm, taken)
	notes := s.notes(sm, es, at, r, taken)

	var leaders [][]XY
	for _, l := range labels {
		if l.Leader != nil {
			leaders = append(leaders, l.Leader)
		}
	}
	if leaders != nil {
		p.add(Path{Parts: leaders, Stroke: pal.Ink, Width: max(0.4, u*0.05)})
	}
	if notes.leaders != nil {
		p.add(Path{Parts: notes.leaders, Stroke: pal.Soft, Width: max(0.4, u*0.05)})
	}
	s.marks(p, sm, es, r)
	for _, l := range labels {
		if l.Text.S != "" {
			p.add(l.Text)
		}
	}
	for _, t := range names {
		p.add(t)
	}
	for _, t := range notes.texts {
		p.add(t)
	}
	return drawn{unlabelled: unlabelled, notes: notes.n}
}

// labelSize is the map's label size: 0.72 u is 8.6 pt on A2, 12 pt on A1;
// A4 and A3 are held at the 7 pt floor.
func labelSize(u float64) float64 { return max(MinTextSize, u*0.72) }

func corners(r Rect) []XY {
	return []XY{{X: r.X, Y: r.Y}, {X: r.X + r.W, Y: r.Y}, {X: r.X + r.W, Y: r.Y + r.H}, {X: r.X, Y: r.Y + r.H}}
}

// base draws sketch's base — areas outlined and hatched, streets in one
// wobbling stroke with the odd second one, the walk dotted — inked by the
// palette for each layer, and stopped at the frame.
func (s mapSheet) base(p *Page, sm sheetMap) {
	pal, k := s.o.pal, sm.pl.k*pen
	for _, g := range sketch.Base(sm.f, s.m.Shapes) {
		li := pal.Layer(atlas.Layer(strings.TrimPrefix(g.Class, "laag ")))
		for _, it := range g.Items {
			sp, ok := it.(sketch.Path)
			if !ok {
				continue
			}
			if len(sp.Strokes) > 0 { // hatching: short straight strokes
				var parts [][]XY
				for _, st := range sp.Strokes {
					parts = append(parts, clipLine(sm.pl.all(st), sm.clip)...)
				}
				if parts != nil {
					p.add(Path{Parts: parts, Stroke: li.Hatch, Width: li.HatchWidth * k})
				}
			}
			if len(sp.Pts) < 2 {
				continue
			}
			pts := sm.pl.all(sp.Pts)
			line := Path{Stroke: li.Line, Width: sp.Width * k, Dash: li.Dot[0] * k, Gap: li.Dot[1] * k}
			if sp.Width == 0 {
				line.Width = li.Width * k
			}
			if sp.Class == "nogmaals" { // a second stroke over a street
				line.Stroke = pal.Soft
			}
			pieces := clipLine(pts, sm.clip)
			if sp.Closed {
				line.Fill, pieces = li.Fill, [][]XY{clipRing(pts, sm.clip)}
			}
			for _, piece := range pieces {
				if len(piece) > 1 {
					line.D += sketch.PathData(piece, sp.Closed, sp.Smooth)
				}
			}
			if line.D != "" {
				p.add(line)
			}
		}
	}
}

// marks draws every entry's pictogram with sketch.Marks, the plates the
// screen draws, put on the page and inked by the palette for each class.
func (s mapSheet) marks(p *Page, sm sheetMap, es []entry, r float64) {
	pal, k := s.o.pal, sm.pl.k
	places := make([]atlas.Place, len(es))
	c := sketch.Clustering{Singles: make([]int, len(es)), Scale: r / (sketch.MarkRadius * k)}
	for i, e := range es {
		places[i], c.Singles[i] = e.place, i
		places[i].At = e.At
	}
	sc := r / sketch.MarkRadius // the pictograms' scale on the page
	for _, it := range sketch.Marks(sm.f, places, c, sketch.Window{}).Items {
		pl, ok := it.(sketch.Plate)
		if !ok {
			continue
		}
		fill, stroke, w := "", pal.Ink, markLine
		switch class := strings.TrimPrefix(pl.Class, "mark "); class {
		case "mark-lijn":
			w = signLine
		case "pin":
			fill = pal.Pin
		case "wachtend":
			fill, stroke = pal.Light, pal.Pin
		default:
			fill = pal.Kind(kind.Kind(class))
		}
		p.add(Path{D: sketch.Transform(pl.D, k, sm.pl.o.X, sm.pl.o.Y), Fill: fill, Stroke: stroke, Width: w * sc})
	}
}

// lines are the streets and the walk, which names keep off where they can
// (label.Place), on the page: a street as the two edges of its stroke and
// wobble, so no name's letters sit on it.
func (s mapSheet) lines(sm sheetMap) [][4]float64 {
	var out [][4]float64
	add := func(a, b XY) { out = append(out, [4]float64{a.X, a.Y, b.X, b.Y}) }
	half := streetGap * sm.pl.k * pen
	for _, seg := range sketch.Streets(sm.f, s.m.Shapes) {
		a, b := sm.pl.at(XY{X: seg[0], Y: seg[1]}), sm.pl.at(XY{X: seg[2], Y: seg[3]})
		l := math.Hypot(b.X-a.X, b.Y-a.Y)
		if l == 0 {
			continue
		}
		nx, ny := (a.Y-b.Y)/l*half, (b.X-a.X)/l*half
		add(XY{X: a.X + nx, Y: a.Y + ny}, XY{X: b.X + nx, Y: b.Y + ny})
		add(XY{X: a.X - nx, Y: a.Y - ny}, XY{X: b.X - nx, Y: b.Y - ny})
	}
	for _, sh := range s.m.Shapes {
		if sh.Layer != atlas.Route || sh.Area {
			continue
		}
		for _, part := range sh.Parts {
			for i := 1; i < len(part); i++ {
				add(sm.pl.at(sm.f.Project(part[i-1])), sm.pl.at(sm.f.Project(part[i])))
			}
		}
	}
	return out
}

// streetNames writes the streets' names along them with sketch's lettering,
// where the names and marks leave room: they are the least important text
// on the map after the places' names, so they go after them.
func (s mapSheet) streetNames(sm sheetMap, taken *label.Index) []Text {
	pal, size := s.o.pal, max(MinTextSize, s.u*0.6)
	streets := sketch.NamedStreets(sm.f, s.m.Shapes)
	for i := range streets {
		for j, line := range streets[i].Lines {
			streets[i].Lines[j] = sm.pl.all(line)
		}
	}
	a := sm.inner
	var out []Text
	for _, n := range sketch.NameStreets(streets, taken, sketch.Lettering{Size: size, Height: size * 1.2,
		Gap: streetGap*sm.pl.k*pen + 0.1*size, Measure: s.o.Measure, Area: label.Box{X0: a.X, Y0: a.Y, X1: a.X + a.W, Y1: a.Y + a.H}}) {
		out = append(out, Text{At: n.At, S: n.S, Size: size, Align: Middle, Fill: pal.Soft, Angle: n.Angle,
			Halo: size * haloShare, HaloInk: pal.Paper})
	}
	return out
}

// streetGap is how far street names keep from their street's middle, in
// drawing units: half its widest stroke and its wobble (as on screen).
const streetGap = 2.8

// inside reports whether b lies within r.
func inside(b label.Box, r Rect) bool {
	return b.X0 >= r.X && b.Y0 >= r.Y && b.X1 <= r.X+r.W && b.Y1 <= r.Y+r.H
}
