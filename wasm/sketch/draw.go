package sketch

import (
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/buurtkaart/buurtkaart/wasm/atlas"
	"github.com/buurtkaart/buurtkaart/wasm/kind"
	"github.com/buurtkaart/buurtkaart/wasm/label"
)

// Options tune Draw; nil means defaults.
type Options struct {
	Width    float64 // drawing width in units; default 1000
	Margin   float64 // blank border in units; default 24
	FontSize float64 // label size in units; default 12.5
	// Scale is the scale the places and names are drawn at: drawing units
	// per screen unit of the screen the map is made for (ScreenScale);
	// default 1, a map 1,000 px wide.
	Scale float64
	// Phone, if > 0, also draws the places and names for a phone screen at
	// this scale (see PhoneScale), in groups of class "smal" after the
	// usual ones: the page shows them on narrow screens until its view
	// draws for the real screen.
	Phone float64
}

// PhoneScale is the scale a pre-rendered map is drawn at for phones: the
// page's view keeps names as large as on a 1,040 px map (view.js), which on
// a 360–430 px phone (a map 340–410 px wide) is a scale of 2.5–3.1.
const PhoneScale = 2.8

// ScreenScale is the scale the server's map draws its places and names at
// for screens wider than a phone's. The page's view draws names 12 px high
// with a mouse (view.js), which on a laptop or desktop (a map 700–1,040 px
// wide) is a scale of 0.92–1.37; 1.2 fits the commonest, a 1366–1536 px
// laptop, so the first paint there already looks as the core will draw it.
const ScreenScale = 1.2

// PageOptions are how the server and the wasm draw the page's map, the
// same on both sides, so the wasm takes over the server's drawing byte for
// byte: for laptops at ScreenScale, for phones at PhoneScale.
func PageOptions() *Options {
	return &Options{Scale: ScreenScale, Phone: PhoneScale}
}

// defaultFontSize is the names' size in units at scale 1: 12.5 px on a map
// drawn 1,000 px wide.
const defaultFontSize = 12.5

// Frame is where Map draws m with these options, without drawing it.
func (o *Options) Frame(m *atlas.Map) Frame {
	v := o.withDefaults()
	return NewFrame(m.Bounds, v.Width, v.Margin)
}

func (o *Options) withDefaults() Options {
	var v Options
	if o != nil {
		v = *o
	}
	if v.Width <= 0 {
		v.Width = DrawingWidth
	}
	if v.Margin <= 0 {
		v.Margin = DrawingMargin
	}
	if v.FontSize <= 0 {
		v.FontSize = defaultFontSize
	}
	if v.Scale <= 0 {
		v.Scale = 1
	}
	return v
}

// markRadius is the half-size of a place's pictogram, in units.
const markRadius = 6.5

// The drawing's width and margin by default, in units: a map drawn 1,000
// units wide is 1,000 px on a laptop, and the poster draws the same
// drawing, scaled to its sheet, so its wobbles are the screen's.
const (
	DrawingWidth  = 1000
	DrawingMargin = 24
)

// Map draws m: the base layers and the places with their labels. Residents'
// pins are places too (pin.Pin.Place), drawn by Marks and Labels with them.
func Map(m *atlas.Map, opts *Options) (*Drawing, Frame) {
	o := opts.withDefaults()
	f := opts.Frame(m)
	d := &Drawing{Title: m.Title, Width: f.Width, Height: f.Height, Groups: Base(f, m.Shapes)}
	streets, named := Streets(f, m.Shapes), NamedStreets(f, m.Shapes)
	marks, labels := places(f, m.Places, streets, named, o.FontSize, o.Scale)
	d.Groups = append(d.Groups, Group{ID: "verbindingen", Class: "verbindingen"}, marks, labels)
	if o.Phone > 0 {
		marks, labels := places(f, m.Places, streets, named, o.FontSize, o.Phone)
		marks.Class += " smal"
		labels.Class += " smal"
		d.Groups = append(d.Groups, marks, labels)
		d.Phone = true
	}
	return d, f
}

// Base draws the base shapes by hand, a group per layer (class "laag
// <layer>"), bottom first: what every medium draws under the places. Each
// shape's wobble comes from its id, so the screen and the poster draw the
// same lines.
func Base(f Frame, shapes []atlas.Shape) []Group {
	var out []Group
	for _, l := range atlas.Layers {
		g := Group{Class: "laag " + string(l)}
		for _, s := range shapes {
			if s.Layer == l {
				g.Items = append(g.Items, shapeItems(f, s)...)
			}
		}
		if len(g.Items) > 0 {
			out = append(out, g)
		}
	}
	return out
}

// shapeItems draws one base shape by hand: wobbling ink, streets in
// varying weights with the odd second stroke, areas outlined and hatched.
func shapeItems(f Frame, s atlas.Shape) []Item {
	r := newInk(s.ID + "#" + strconv.Itoa(s.Feature))
	var out []Item
	var rings [][]XY
	for _, part := range s.Parts {
		pts := make([]XY, len(part))
		for i, p := range part {
			pts[i] = f.Project(p)
		}
		if !s.Area {
			out = append(out, lineItems(s.Layer, pts, r)...)
			continue
		}
		ring := pts[:len(pts)-1] // the closing position is implied
		rings = append(rings, ring)
		w := wobble(append(ring[:len(ring):len(ring)], ring[0]), r, 0.9, 8)
		out = append(out, Path{Pts: w[:len(w)-1], Closed: true, Smooth: true})
	}
	if s.Area {
		angle, gap := hatching(s.Layer)
		out = append(out, Path{Class: "arcering", Strokes: hatch(rings, angle, gap, r)})
	}
	return out
}

func lineItems(l atlas.Layer, pts []XY, r *ink) []Item {
	switch l {
	case atlas.Straat:
		w := r.between(1.6, 2.9)
		out := []Item{Path{Pts: wobble(pts, r, 1.1, 9), Smooth: true, Width: w}}
		if r.between(0, 1) < 0.35 { // the odd second stroke, as when a pen goes over a line again
			out = append(out, Path{Class: "nogmaals", Pts: wobble(pts, r, 1.5, 12), Smooth: true, Width: w * 0.45})
		}
		return out
	case atlas.Route:
		return []Item{Path{Pts: wobble(pts, r, 0.7, 8), Smooth: true}}
	}
	return []Item{Path{Pts: wobble(pts, r, 1.2, 8), Smooth: true, Width: r.between(2.2, 3.4)}}
}

// hatching gives each area layer its own pen direction and density, so the
// layers differ on a black-and-white print too.
func hatching(l atlas.Layer) (angle, gap float64) {
	switch l {
	case atlas.Water:
		return 0, 3.5
	case atlas.Gebouw:
		return -math.Pi / 4, 3
	}
	return math.Pi / 4, 4.5
}

func places(f Frame, ps []atlas.Place, streets [][4]float64, named []Street, fontSize, scale float64) (marks, labels Group) {
	c := Cluster(f, ps, scale, nil)
	return Marks(f, ps, c, Window{}), Labels(f, ps, &LabelOptions{FontSize: fontSize, Scale: scale, Only: c.Singles,
		Clusters: c.Groups, Streets: streets, StreetNames: named})
}

// LabelOptions tune Labels; nil means defaults.
type LabelOptions struct {
	FontSize float64            // at scale 1, in units; default 12.5 (12.5 px when the map is drawn 1,000 px wide)
	Scale    float64            // drawing units per screen unit at the current zoom; default 1
	Hidden   map[kind.Kind]bool // kinds filtered out: not labelled, not in the way
	Only     []int              // if not nil, label only these places (the singles of a Clustering)
	Window   Window             // label only places in this part of the drawing; zero: all
	Notes    bool               // write a place's note under its name (see NotesFrom)
	Clusters []Klont            // drawn clusters: names keep clear of their circles
	Streets  [][4]float64       // streets (Streets): names keep off them where they can
	// StreetNames are the named streets (NamedStreets): their names are
	// written along them where there is room once the places are named.
	StreetNames []Street
}

// klontRadius is the radius of a cluster's circle at scale 1 (icons.go).
const klontRadius = 10.8

// NotesFrom is the zoom, in drawing units per screen unit, from which the
// screen map writes places' notes under their names as handwritten
// snippets: 0.45 is from the fourth zoom level (1.25⁴ ≈ 2.4×) on, where a
// street's worth of places fills the screen and there is room to read.
const NotesFrom = 0.45

// Notes are cut to two lines of at most noteLine characters, in a hand
// noteSize of the name's.
const (
	noteLine  = 28
	noteLines = 2
	noteSize  = 0.85
)

// Labels lays out the names of places for one zoom level: text and marks
// shrink with Scale (in drawing units) so they keep their size on screen,
// and none overlaps another, a mark, or a leader line. Earlier places win.
// Then the streets' names (StreetNames) are written along them where the
// places' names left room: texts of class "straatnaam", turned.
func Labels(f Frame, ps []atlas.Place, opts *LabelOptions) Group {
	var o LabelOptions
	if opts != nil {
		o = *opts
	}
	if o.FontSize <= 0 {
		o.FontSize = defaultFontSize
	}
	if o.Scale <= 0 {
		o.Scale = 1
	}
	g := Group{Class: "labels"}
	shown := make([]atlas.Place, 0, len(ps))
	take := func(p atlas.Place) {
		if !o.Hidden[p.Kind] && o.Window.contains(f.Project(p.At), 0) {
			shown = append(shown, p)
		}
	}
	if o.Only != nil {
		for _, i := range o.Only {
			take(ps[i])
		}
	} else {
		for _, p := range ps {
			take(p)
		}
	}
	size, small := o.FontSize*o.Scale, o.FontSize*o.Scale*noteSize
	anchors := make([]label.Anchor, len(shown))
	notes := make([][]string, len(shown))
	folds := make([][2]string, len(shown))
	for i, p := range shown {
		at := f.Project(p.At)
		a := label.Anchor{X: at.X, Y: at.Y, R: markRadius * o.Scale, W: textWidth(p.Name, size), H: size * lineHeight}
		if !o.Notes || p.Note == "" {
			folds[i] = foldName(p.Name, size)
			if folds[i][1] != "" {
				a.Folded = label.Size{W: max(textWidth(folds[i][0], size), textWidth(folds[i][1], size)), H: size * (lineHeight + foldGap)}
			}
		}
		if o.Notes {
			notes[i] = snippet(p.Note)
			for _, l := range notes[i] {
				a.W = max(a.W, textWidth(l, small))
				a.H += small * lineHeight
			}
		}
		anchors[i] = a
	}
	// Outside the paper nothing can be read: names stay on the drawing.
	const far = 1e6
	obstacles := []label.Box{{X0: -far, Y0: -far, X1: 0, Y1: far}, {X0: f.Width, Y0: -far, X1: far, Y1: far},
		{X0: -far, Y0: -far, X1: far, Y1: 0}, {X0: -far, Y0: f.Height, X1: far, Y1: far}}
	for _, k := range o.Clusters {
		r := klontRadius * o.Scale
		obstacles = append(obstacles, label.Box{X0: k.At.X - r, Y0: k.At.Y - r, X1: k.At.X + r, Y1: k.At.Y + r})
	}
	placed := label.Place(anchors, obstacles, o.Streets)
	for i, pl := range placed {
		if !pl.Placed {
			continue
		}
		if pl.HasLeader {
			l := pl.Leader
			g.Items = append(g.Items, Path{Class: "leider", Pts: []XY{{l[0], l[1]}, {l[2], l[3]}}})
		}
		kind, anchor := string(shown[i].Kind), anchorName(pl.Align)
		named := Name{Place: shown[i].ID, X0: pl.Box.X0, Y0: pl.Box.Y0, X1: pl.Box.X1, Y1: pl.Box.Y1}
		if pl.Folded {
			g.Items = append(g.Items, Text{Class: kind, At: XY{pl.X, pl.Box.Y0 + size*lineHeight*0.75}, Anchor: anchor, S: folds[i][0],
				Lines: []Line{{DY: size * foldGap, S: folds[i][1]}}, Name: named})
			continue
		}
		if len(notes[i]) == 0 {
			g.Items = append(g.Items, Text{Class: kind, At: XY{pl.X, pl.Y}, Anchor: anchor, S: shown[i].Name, Name: named})
			continue
		}
		// The name on the box's first line, the note's lines under it; each
		// baseline sits a quarter of its line above the line's bottom.
		t := Text{Class: kind, At: XY{pl.X, pl.Box.Y0 + size*lineHeight*0.75}, Anchor: anchor, S: shown[i].Name, Name: named}
		dy := (size*0.25 + small*0.75) * lineHeight
		for _, l := range notes[i] {
			t.Lines = append(t.Lines, Line{Class: "notitie", DY: dy, S: l})
			dy = small * lineHeight
		}
		g.Items = append(g.Items, t)
	}
	if len(o.StreetNames) > 0 {
		taken := label.NewIndex(label.Box{X1: f.Width, Y1: f.Height}, 2*size*lineHeight)
		taken.Placed(anchors, obstacles[4:], placed)
		g.Items = append(g.Items, streetTexts(f, o, taken)...)
	}
	return g
}

// A long name may be folded over two lines, foldGap (in its size) apart,
// when it finds no room on one: names wider than foldFrom of their size.
const (
	foldGap  = 1.15
	foldFrom = 6.0
)

// foldName breaks a long name in two at the space that makes the wider line
// narrowest; the second is empty when the name is short or has one word.
func foldName(name string, size float64) [2]string {
	if textWidth(name, size) <= foldFrom*size {
		return [2]string{name}
	}
	best, bestW := [2]string{name}, math.Inf(1)
	for i, r := range name {
		if r != ' ' {
			continue
		}
		a, b := strings.TrimSpace(name[:i]), strings.TrimSpace(name[i+1:])
		if a == "" || b == "" {
			continue
		}
		if w := max(textWidth(a, size), textWidth(b, size)); w < bestW {
			best, bestW = [2]string{a, b}, w
		}
	}
	return best
}

// snippet cuts a note into at most noteLines lines of at most noteLine
// characters, breaking between words, with "…" when something is left out.
func snippet(note string) []string {
	words := strings.Fields(note)
	var lines []string
	line := ""
	for _, w := range words {
		if utf8.RuneCountInString(w) > noteLine { // one very long word: cut it
			w = string([]rune(w)[:noteLine-1]) + "…"
		}
		switch {
		case line == "":
			line = w
		case utf8.RuneCountInString(line)+1+utf8.RuneCountInString(w) <= noteLine:
			line += " " + w
		default:
			lines = append(lines, line)
			line = w
		}
		if len(lines) == noteLines {
			// Out of room: end the last line with "…", within its length.
			last := []rune(lines[noteLines-1])
			if len(last) >= noteLine {
				last = last[:noteLine-1]
			}
			lines[noteLines-1] = strings.TrimRight(string(last), " ,.;:") + "…"
			return lines
		}
	}
	if line != "" {
		lines = append(lines, line)
	}
	return lines
}

// lineHeight is the height of a label's box per unit of font size: the
// handwriting face's ascent plus descent, as the browser boxes the text
// (Patrick Hand at 12.5 px: getBBox height 17.7 px = 1.41 em in Chromium
// 148), so labels clear each other as drawn, not just by their cap height.
const lineHeight = 1.42

// textWidth is a label's width: the sum of its characters' advances in
// the handwriting face (advance_rune.go), plus 5 % for kerning pairs that
// widen and for rounding in the browser's text layout.
func textWidth(s string, size float64) float64 {
	w := 0.0
	for _, r := range s {
		w += Advance(r)
	}
	return w * size * 1.05
}

func anchorName(a label.Align) string {
	switch a {
	case label.End:
		return "end"
	case label.Middle:
		return "middle"
	}
	return "start"
}

// Links draws the connections of one place — which club meets where, who
// teaches where — as lines from it to each place it links to, and a ring
// round the place itself (at zoom scale), to show it is the one chosen.
func Links(f Frame, from atlas.Place, to []atlas.Place, scale float64) Group {
	g := Group{ID: "verbindingen", Class: "verbindingen"}
	if from.ID == "" {
		return g
	}
	a := f.Project(from.At)
	var ring strings.Builder
	place(&ring, circle(0, 0, markRadius+3), scale, a.X, a.Y)
	g.Items = append(g.Items, Plate{Class: "gekozen", D: ring.String()})
	for _, p := range to {
		b := f.Project(p.At)
		// A slight bow, as a hand draws a long line.
		mid := XY{(a.X+b.X)/2 + (b.Y-a.Y)*0.08, (a.Y+b.Y)/2 - (b.X-a.X)*0.08}
		g.Items = append(g.Items, Path{Pts: []XY{a, mid, b}, Smooth: true})
	}
	return g
}

// LabelsWithin keeps the labels of g (a Labels group) whose text starts in w,
// each with its leader line: a layout made once for the whole drawing is
// handed out a window at a time, so the page holds the names near the
// screen, not all of them, and no name moves while panning.
func LabelsWithin(g Group, w Window) Group {
	out := Group{ID: g.ID, Class: g.Class, N: g.N}
	var leader *Path
	for _, it := range g.Items {
		switch it := it.(type) {
		case Path:
			leader = &it
		case Text:
			if w.contains(it.At, 0) {
				if leader != nil {
					out.Items = append(out.Items, *leader)
				}
				out.Items = append(out.Items, it)
			}
			leader = nil
		}
	}
	return out
}
