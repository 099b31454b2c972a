package sketch

import (
	"unicode/utf8"

	"github.com/buurtkaart/buurtkaart/wasm/atlas"
	"github.com/buurtkaart/buurtkaart/wasm/label"
	"github.com/buurtkaart/buurtkaart/wasm/pin"
)

// Options tune Draw; nil means defaults.
type Options struct {
	Width    float64 // drawing width in units; default 1000
	Margin   float64 // blank border in units; default 24
	FontSize float64 // label size in units; default 11
}

func (o *Options) withDefaults() Options {
	var v Options
	if o != nil {
		v = *o
	}
	if v.Width <= 0 {
		v.Width = 1000
	}
	if v.Margin <= 0 {
		v.Margin = 24
	}
	if v.FontSize <= 0 {
		v.FontSize = 11
	}
	return v
}

// markRadius is the half-size of a place's pictogram, in units.
const markRadius = 5

// Map draws m: the base layers, the places with their labels, and an empty
// group with id "pins" that DrawPins fills.
func Map(m *atlas.Map, opts *Options) (*Drawing, Frame) {
	o := opts.withDefaults()
	f := NewFrame(m.Bounds, o.Width, o.Margin)
	d := &Drawing{Title: m.Title, Width: f.Width, Height: f.Height}
	for _, l := range atlas.Layers {
		g := Group{Class: "laag " + string(l)}
		for _, s := range m.Shapes {
			if s.Layer == l {
				g.Items = append(g.Items, shapePaths(f, s)...)
			}
		}
		if len(g.Items) > 0 {
			d.Groups = append(d.Groups, g)
		}
	}
	marks, labels := places(f, m.Places, o.FontSize)
	d.Groups = append(d.Groups, marks, labels, Group{ID: "pins", Class: "pins"})
	return d, f
}

func shapePaths(f Frame, s atlas.Shape) []Item {
	var out []Item
	for _, part := range s.Parts {
		pts := make([]XY, len(part))
		for i, p := range part {
			pts[i] = f.Project(p)
		}
		if s.Area {
			pts = pts[:len(pts)-1] // the closing position is implied by Closed
		}
		out = append(out, Path{Pts: pts, Closed: s.Area})
	}
	return out
}

func places(f Frame, ps []atlas.Place, fontSize float64) (marks, labels Group) {
	marks = Group{Class: "plekken"}
	labels = Group{Class: "labels"}
	anchors := make([]label.Anchor, len(ps))
	for i, p := range ps {
		at := f.Project(p.At)
		marks.Items = append(marks.Items, Mark{Class: "mark", ID: p.ID, Kind: p.Kind, At: at, Title: p.Name})
		anchors[i] = label.Anchor{X: at.X, Y: at.Y, R: markRadius, W: textWidth(p.Name, fontSize), H: fontSize}
	}
	for i, pl := range label.Place(anchors, nil) {
		if pl.Placed {
			labels.Items = append(labels.Items, Text{At: XY{pl.X, pl.Y}, Anchor: anchorName(pl.Align), S: ps[i].Name})
		}
	}
	return marks, labels
}

// textWidth estimates a label's width: 0.55 em per character is the mean
// advance of common sans and handwriting faces for Dutch text.
func textWidth(s string, size float64) float64 {
	return float64(utf8.RuneCountInString(s)) * size * 0.55
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

// Pins draws residents' pins in the frame of a map, for the "pins" group.
// Pins not yet sent (pending) are drawn as such.
func Pins(f Frame, ps []pin.Pin, pending map[string]bool) Group {
	g := Group{ID: "pins", Class: "pins"}
	for _, p := range ps {
		class := "pin"
		if pending[p.ID] {
			class += " wachtend"
		}
		g.Items = append(g.Items, Mark{Class: class, ID: "pin-" + p.ID, Kind: p.Kind, At: f.Project(p.At()), Title: p.Note})
	}
	return g
}
