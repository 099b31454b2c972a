package sketch

import (
	"math"
	"strings"

	"github.com/buurtkaart/buurtkaart/wasm/atlas"
	"github.com/buurtkaart/buurtkaart/wasm/label"
)

// Street is a named street as drawn: its name and its lines, in drawing
// units.
type Street struct {
	Name  string
	Lines [][]XY
	long  float64 // its length
}

// NamedStreets returns the streets of shapes that have a name, one Street
// per name (a street in several pieces is named once), longest first: where
// room is short, the long streets that hold the buurt together are named.
func NamedStreets(f Frame, shapes []atlas.Shape) []Street {
	var out []Street
	for _, s := range shapes {
		name := strings.TrimSpace(s.Name)
		if s.Layer != atlas.Straat || s.Area || name == "" {
			continue
		}
		i := 0
		for i < len(out) && out[i].Name != name {
			i++
		}
		if i == len(out) {
			out = append(out, Street{Name: name})
		}
		for _, part := range s.Parts {
			line := make([]XY, len(part))
			for j, p := range part {
				line[j] = f.Project(p)
				if j > 0 {
					out[i].long += dist(line[j-1], line[j])
				}
			}
			out[i].Lines = append(out[i].Lines, line)
		}
	}
	// Longest first, equal ones in their order: an insertion sort, for a
	// map's dozens of streets (sort.SliceStable adds 24 KB to the wasm).
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && out[j].long > out[j-1].long; j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}

// Lettering tunes NameStreets. Lengths are in the units of the streets.
type Lettering struct {
	Size   float64 // the letters' size
	Height float64 // the height of the box a line of letters takes; default lineHeight × Size
	// Gap is how far the letters keep from the middle of their street:
	// half the widest stroke and its wobble, so they sit beside the line.
	Gap     float64
	Measure func(s string, size float64) float64 // a text's width; default the handwriting face's advances
	Area    label.Box                            // names stay inside it (required: the drawing, or a poster's map)
}

// StreetName is a street's name written along it.
type StreetName struct {
	S     string
	At    XY        // the middle of its baseline
	Angle float64   // degrees clockwise (y is down) from the x axis, in [-105, 75): upright
	Box   label.Box // the axis-aligned box round the turned letters
	_     [0]func() // not comparable: no equality code in the wasm
}

// NameStreets writes each street's name once, as a hand letters a map:
// along the first straight stretch with room, from its middle out,
// beside the line (above it first) or else on it, where the names' halo of
// paper breaks the line for them (the places' names keep off the lines,
// which leaves them free); upright; clear of everything in taken and of
// the other streets. A name with no room is left out. The names written are
// added to taken.
func NameStreets(streets []Street, taken *label.Index, o Lettering) []StreetName {
	if o.Height <= 0 {
		o.Height = o.Size * lineHeight
	}
	if o.Measure == nil {
		o.Measure = textWidth
	}
	l := lettering{o: o, taken: taken, lines: label.NewIndex(o.Area, 8*o.Size)}
	for i, st := range streets {
		for _, line := range st.Lines {
			for j := 1; j < len(line); j++ {
				l.lines.AddLineOf([4]float64{line[j-1].X, line[j-1].Y, line[j].X, line[j].Y}, i)
			}
		}
	}
	var out []StreetName
	for i, st := range streets {
		if n, ok := l.street(st, i); ok {
			taken.Add(n.Box)
			out = append(out, n)
		}
	}
	return out
}

// lettering is NameStreets at work: the streets' lines, and what is taken.
type lettering struct {
	o            Lettering
	lines, taken *label.Index
}

// minTurnCos is the cosine of the sharpest bend a stretch takes at a
// point (20°): a name along a sharper corner would leave its street.
const minTurnCos = 0.94

// street finds the first free spot for street i's name, stretch by
// stretch: a stretch runs on while it bends no more than minTurnCos at a
// point and a third of a letter from its chord.
func (l *lettering) street(st Street, i int) (StreetName, bool) {
	w := l.o.Measure(st.Name, l.o.Size)
	for _, line := range st.Lines {
		for a := 0; a < len(line)-1; {
			b, bend := a+1, 0.0
			for ; b+1 < len(line); b++ {
				p, q, r := line[b-1], line[b], line[b+1]
				more := bend
				for _, m := range line[a+1 : b+1] {
					more = max(more, distToLine(m, line[a], r))
				}
				if !((q.X-p.X)*(r.X-q.X)+(q.Y-p.Y)*(r.Y-q.Y) >= minTurnCos*dist(p, q)*dist(q, r)) || more > 0.3*l.o.Height {
					break
				}
				bend = more
			}
			if n, ok := l.stretch(st.Name, i, line[a], line[b], w, bend); ok {
				return n, true
			}
			a = b
		}
	}
	return StreetName{}, false
}

// stretch tries spots for a name w wide along the stretch from p to q: a
// quarter of the name apart from its middle out; above the line, below it
// and on it (sides 0, 1, 2, in the letters' own up and down).
func (l *lettering) stretch(name string, i int, p, q XY, w, bend float64) (StreetName, bool) {
	o, n := l.o, dist(p, q)
	if n < w+o.Gap {
		return StreetName{}, false
	}
	ux, uy := (q.X-p.X)/n, (q.Y-p.Y)/n
	ang := math.Atan2(uy, ux) * 180 / math.Pi
	// Upright: left to right, and a street steeper than 75° upwards, as
	// a map's vertical names read.
	if ang >= 75 || ang < -105 {
		ux, uy, ang = -ux, -uy, ang-180
	}
	if ang < -105 {
		ang += 360
	}
	h := o.Height
	d := 0.25 * h // the baseline sits a quarter of the box above its bottom
	// The box round the turned letters: half its width and height.
	hw, hh := (w*math.Abs(ux)+h*math.Abs(uy))/2, (w*math.Abs(uy)+h*math.Abs(ux))/2
	step, room := max(w/4, o.Size), (n-w-o.Gap)/2
	for k := 0; float64(k/2)*step <= room; k++ {
		along := (n/2 + float64((k+1)/2)*step*float64(1-2*(k%2))) / n
		for _, off := range [3]float64{-(o.Gap + bend + d), o.Gap + bend + h - d, h/2 - d} {
			// The baseline's middle, off the line along the letters' down (−uy, ux).
			at := XY{p.X + (q.X-p.X)*along - uy*off, p.Y + (q.Y-p.Y)*along + ux*off}
			cx, cy := at.X+uy*(h/2-d), at.Y-ux*(h/2-d)
			b, a, g := label.Box{X0: cx - hw, Y0: cy - hh, X1: cx + hw, Y1: cy + hh}, o.Area, o.Gap
			if b.X0 >= a.X0 && b.Y0 >= a.Y0 && b.X1 <= a.X1 && b.Y1 <= a.Y1 && !l.taken.Hits(b) &&
				!l.lines.CrossedBut(label.Box{X0: b.X0 - g, Y0: b.Y0 - g, X1: b.X1 + g, Y1: b.Y1 + g}, i) {
				return StreetName{S: name, At: at, Angle: ang, Box: b}, true
			}
		}
	}
	return StreetName{}, false
}

func dist(a, b XY) float64 { return math.Hypot(b.X-a.X, b.Y-a.Y) }

// distToLine is the distance of p from the line through a and b.
func distToLine(p, a, b XY) float64 {
	l := dist(a, b)
	if l == 0 {
		return dist(p, a)
	}
	return math.Abs((b.X-a.X)*(a.Y-p.Y)-(a.X-p.X)*(b.Y-a.Y)) / l
}

// streetShare is the street names' size in the place names': smaller, in
// the soft ink, as a hand letters the streets of a map.
const streetShare = 0.8

// streetGap is how far (drawing units) street names keep from their
// street's middle: half the widest stroke (2.9) and the wobble (1.1).
const streetGap = 2.8

// streetTexts writes the names of o.StreetNames along their streets for
// the labels' zoom level, where taken leaves room.
func streetTexts(f Frame, o LabelOptions, taken *label.Index) []Item {
	size := o.FontSize * o.Scale * streetShare
	var out []Item
	for _, n := range NameStreets(o.StreetNames, taken, Lettering{Size: size, Gap: streetGap + 0.1*size,
		Area: label.Box{X1: f.Width, Y1: f.Height}}) {
		if o.Window.contains(n.At, 0) {
			out = append(out, Text{Class: "straatnaam", At: n.At, Anchor: "middle", S: n.S, Angle: n.Angle, Scale: streetShare})
		}
	}
	return out
}
