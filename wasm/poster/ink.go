package poster

import (
	"errors"
	"strconv"

	"github.com/buurtkaart/buurtkaart/wasm/kind"
	"github.com/buurtkaart/buurtkaart/wasm/sketch"
)

// Ink is what a poster is printed in: one of sketch's palettes, so the
// wall shows the legend the phone shows.
type Ink int

const (
	Kleur Ink = iota // the map's colours (sketch.Colour)
	Zwart            // black ink, greys only, for a black-and-white printer (sketch.Black)
)

// ParseInk reads "kleur" or "zwart" (or "colour", "black"); "" is kleur.
func ParseInk(s string) (Ink, error) {
	switch s {
	case "", "kleur", "colour", "color":
		return Kleur, nil
	case "zwart", "black":
		return Zwart, nil
	}
	return Kleur, errors.New("poster: unknown ink " + strconv.Quote(s) + "; use kleur or zwart")
}

func (i Ink) String() string {
	if i == Zwart {
		return "zwart"
	}
	return "kleur"
}

func (i Ink) palette() *sketch.Palette {
	if i == Zwart {
		return &sketch.Black
	}
	return &sketch.Colour
}

// Pictograms are drawn with sketch's own outlines and strokes: the widths
// of the screen's stylesheet (web/style.css) in the pictogram's own scale.
const (
	markLine = 0.9 // the outline of a pictogram
	signLine = 1.1 // the ink-only lines of a sign
)

// icon draws the pictogram id (sketch.Icon) centred on c, r points in
// radius, its outlines filled with fill.
func icon(p *Page, pal *sketch.Palette, id, fill string, c XY, r float64) {
	s := r / sketch.MarkRadius
	for _, part := range sketch.Icon(id) {
		d := sketch.Transform(part.D, s, c.X, c.Y)
		if part.Line {
			p.add(Path{D: d, Stroke: pal.Ink, Width: signLine * s})
		} else {
			p.add(Path{D: d, Fill: fill, Stroke: pal.Ink, Width: markLine * s})
		}
	}
}

// kindMark draws k's mark; a resident's pin stands on its foot in the pin ink.
func kindMark(p *Page, pal *sketch.Palette, k kind.Kind, c XY, r float64, isPin bool) {
	if isPin {
		icon(p, pal, "p-voet", pal.Pin, c, r)
	}
	icon(p, pal, "k-"+string(k), pal.Kind(k), c, r)
}
