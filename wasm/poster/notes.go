package poster

import (
	"math"
	"strings"

	"github.com/buurtkaart/buurtkaart/wasm/label"
)

// Notes are written in the map beside the places they are about, as Jan
// Rothuizen writes his observations into his drawings, each with a drawn
// line and a small arrow to its place. They come after the names and the
// street names, and take only room nothing else needs: as many as fit.
const (
	noteShare = 0.62 // their size in u: 7.4 pt on A2, held at the 7 pt floor below
	noteEms   = 15   // their lines' width in ems: some 35 characters
	noteLead  = 1.18 // line spacing in their size
)

// noteReach are the distances tried from a mark to its note's nearest
// edge, beyond the mark, in the notes' size: beside it, then further out
// on a longer line.
var noteReach = []float64{0.6, 2, 3.5, 5.5, 8, 11, 15}

// noteWays are the directions tried, in the order a hand would write a
// note: to the right, to the left, above and below on the diagonals, then
// straight up and down, then between.
// (0°, 180°, ∓45°, ∓135°, ∓90°, then the eight between, as unit steps).
var noteWays = [...][2]float64{{1, 0}, {-1, 0}, {0.7071, -0.7071}, {0.7071, 0.7071}, {-0.7071, -0.7071}, {-0.7071, 0.7071},
	{0, -1}, {0, 1}, {0.9239, -0.3827}, {0.9239, 0.3827}, {-0.9239, -0.3827}, {-0.9239, 0.3827},
	{0.3827, -0.9239}, {0.3827, 0.9239}, {-0.3827, -0.9239}, {-0.3827, 0.9239}}

// notesOut is what notes wrote.
type notesOut struct {
	texts   []Text
	leaders [][]XY // the lines to the places, with their arrowheads
	n       int    // notes written
}

// noteText is a note in lines, and the size of its block.
type noteText struct {
	lines []string
	w, h  float64
}

// notes writes the entries' notes beside their marks (at, r points in
// radius) where taken leaves room: first only where no street runs
// through a note, then where streets only cross its lines, the note's
// halo of paper keeping them out of its words.
func (s mapSheet) notes(sm sheetMap, es []entry, at []XY, r float64, taken *label.Index) notesOut {
	size := max(MinTextSize, s.u*noteShare)
	a := sm.inner
	area := label.Box{X0: a.X, Y0: a.Y, X1: a.X + a.W, Y1: a.Y + a.H}
	streets := label.NewIndex(area, size*8)
	for _, l := range s.lines(sm) {
		streets.AddLine(l)
	}
	var out notesOut
	done := make([]bool, len(es))
	for _, strict := range []bool{true, false} {
		for i, e := range es {
			if done[i] || e.Note == "" {
				continue
			}
			for _, t := range s.noteForms(e.Note, size) {
				if ok := s.note(&out, t, at[i], r, size, area, taken, streets, strict); ok {
					done[i] = true
					out.n++
					break
				}
			}
		}
	}
	return out
}

// noteForms are the ways a note may be written, longest first: whole, then
// its first sentence when that is shorter.
func (s mapSheet) noteForms(note string, size float64) []noteText {
	forms := []noteText{s.wrapNote(note, size)}
	if i := strings.IndexAny(note, ".!?"); i > 0 && i < len(note)-1 {
		forms = append(forms, s.wrapNote(note[:i+1], size))
	}
	return forms
}

func (s mapSheet) wrapNote(note string, size float64) noteText {
	lines := index{size: size, measure: s.o.Measure}.wrap(note, noteEms*size)
	t := noteText{lines: lines, h: float64(len(lines)-1)*size*noteLead + size}
	for _, l := range lines {
		t.w = max(t.w, s.o.Measure(l, size))
	}
	return t
}

// note writes t at the first free spot round the mark at c, with its line;
// strict: only where no street runs through it.
func (s mapSheet) note(out *notesOut, t noteText, c XY, r, size float64, area label.Box, taken, streets *label.Index, strict bool) bool {
	own := label.Box{X0: c.X - r, Y0: c.Y - r, X1: c.X + r, Y1: c.Y + r}
	for _, reach := range noteReach {
		d := r + reach*size
		for _, way := range noteWays {
			b := noteBox(c, way, d, t.w, t.h)
			if b.X0 < area.X0 || b.Y0 < area.Y0 || b.X1 > area.X1 || b.Y1 > area.Y1 || taken.Hits(b) ||
				streets.Hits(b) && (strict || alongLine(b, len(t.lines), size, streets)) {
				continue
			}
			from := XY{X: c.X + way[0]*r*1.5, Y: c.Y + way[1]*r*1.5}
			to := nearest(b, c)
			l := math.Hypot(to.X-from.X, to.Y-from.Y)
			if l < r*0.5 {
				continue
			}
			to = XY{X: to.X - (to.X-from.X)/l*size*0.25, Y: to.Y - (to.Y-from.Y)/l*size*0.25}
			line := [4]float64{from.X, from.Y, to.X, to.Y}
			if taken.Blocks(line, own) {
				continue
			}
			taken.Add(b)
			taken.AddLine(line)
			s.writeNote(out, t, b, way[0], size)
			out.leaders = append(out.leaders, []XY{to, from})
			out.leaders = append(out.leaders, arrowhead(from, to, size*0.45)...)
			return true
		}
	}
	return false
}

// alongLine reports whether a street runs along one of the n lines of a
// note in b: across them its halo hides it, along them it shows between
// the words.
func alongLine(b label.Box, n int, size float64, streets *label.Index) bool {
	for i := range n {
		y := b.Y0 + float64(i)*size*noteLead
		if streets.Along(label.Box{X0: b.X0, Y0: y, X1: b.X1, Y1: y + size}) {
			return true
		}
	}
	return false
}

// noteBox is a w × h block whose nearest edge or corner is d from c in
// direction way.
func noteBox(c XY, way [2]float64, d, w, h float64) label.Box {
	px, py := c.X+way[0]*d, c.Y+way[1]*d
	x0, y0 := px-w/2, py-h/2
	switch {
	case way[0] > 0.38:
		x0 = px
	case way[0] < -0.38:
		x0 = px - w
	}
	switch {
	case way[1] > 0.38:
		y0 = py
	case way[1] < -0.38:
		y0 = py - h
	}
	return label.Box{X0: x0, Y0: y0, X1: x0 + w, Y1: y0 + h}
}

// nearest is the point of b nearest c.
func nearest(b label.Box, c XY) XY {
	return XY{X: min(max(c.X, b.X0), b.X1), Y: min(max(c.Y, b.Y0), b.Y1)}
}

// arrowhead is two short strokes l long at tip, 29° either side of the
// line back to tail.
func arrowhead(tip, tail XY, l float64) [][]XY {
	n := math.Hypot(tail.X-tip.X, tail.Y-tip.Y) / l
	dx, dy := (tail.X-tip.X)/n, (tail.Y-tip.Y)/n
	const cos, sin = 0.8776, 0.4794 // of 0.5 radians
	return [][]XY{{tip, {X: tip.X + dx*cos - dy*sin, Y: tip.Y + dx*sin + dy*cos}},
		{tip, {X: tip.X + dx*cos + dy*sin, Y: tip.Y - dx*sin + dy*cos}}}
}

// writeNote writes t's lines in b, ragged away from the mark: flush left
// when the note is to the mark's right, flush right when to its left.
func (s mapSheet) writeNote(out *notesOut, t noteText, b label.Box, dx, size float64) {
	pal := s.o.pal
	x, align := (b.X0+b.X1)/2, Middle
	switch {
	case dx > 0.38:
		x, align = b.X0, Start
	case dx < -0.38:
		x, align = b.X1, End
	}
	for i, l := range t.lines {
		y := b.Y0 + size*0.75 + float64(i)*size*noteLead
		out.texts = append(out.texts, Text{At: XY{X: x, Y: y}, S: l, Size: size, Align: align, Fill: pal.Note,
			Halo: size * haloShare, HaloInk: pal.Paper})
	}
}
