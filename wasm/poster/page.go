package poster

import "github.com/buurtkaart/buurtkaart/wasm/sketch"

// The poster's map is sketch's drawing — the same projection, wobble,
// pictograms and palette as the screen's — placed on the sheet (mapdraw.go).
// Its display list is the page's, not sketch.Drawing: sketch's items carry
// CSS classes for the page's stylesheet, while a printed page has none —
// PDF and PNG need every stroke width, colour and font size spelt out, in
// points — and most of a poster (title, legend, index, QR code) is not map
// at all. So each item here carries its own style, from the palette by the
// role sketch gave it, and the renderers know no kinds, layers or classes.

// XY is a position on the page in points: x right, y down, origin top left.
type XY = sketch.XY

// Rect is an area on the page in points.
type Rect struct{ X, Y, W, H float64 }

// Page is one printed sheet: a display list, bottom first, in points.
type Page struct {
	Width, Height float64
	Title         string // the document title (PDF info, SVG <title>)
	Lang          string // BCP 47 language of the text, "nl" by default
	Items         []Item
}

// Item is one thing drawn: a Path or a Text.
type Item interface{ isItem() }

// Path is a set of lines and shapes drawn with one style.
type Path struct {
	Parts  [][]XY // each part is a polyline, or a polygon when Closed
	Closed bool
	// D is further outlines as SVG path data in points, drawn after Parts:
	// absolute M, L, H, V, Q, A and Z only (sketch's pictograms and curves).
	D      string
	Fill   string  // "#rrggbb", or "" for none
	Stroke string  // "#rrggbb", or "" for none
	Width  float64 // stroke width in points
	Dash   float64 // dash length in points; 0 is a solid line
	Gap    float64 // gap between dashes in points; 0: as long as a dash
}

// Align is where a text's position sits along its line.
type Align int

const (
	Start  Align = iota // the text runs right from At
	Middle              // the text is centred on At
	End                 // the text ends at At
)

// Text is one line of text in the poster's handwriting font.
type Text struct {
	At    XY      // the baseline position
	S     string  // the text, any Unicode; renderers escape it
	Size  float64 // font size in points; never below MinTextSize
	Align Align
	Fill  string  // "#rrggbb"
	Angle float64 // rotation in degrees, clockwise (y is down), around At
	// Halo, if > 0, is the width in points of a band of paper (HaloInk)
	// drawn round the letters under them, so the lines a label sits on
	// (a street, the walk's dots, hatching) do not run through its words.
	Halo    float64
	HaloInk string
}

func (Path) isItem() {}
func (Text) isItem() {}

// Renderer draws pages. Backends write to an io.Writer given when they are
// made: SVG here in the core (the browser previews with it), PDF and PNG in
// the command, which may import what the browser must not.
type Renderer interface {
	Begin(p *Page) error // starts a page of p.Width × p.Height points
	Path(Path)
	Text(Text)
	End() error // finishes the page (and flushes)
}

// Render sends every item of p to r.
func Render(r Renderer, p *Page) error {
	if err := r.Begin(p); err != nil {
		return err
	}
	for _, it := range p.Items {
		switch it := it.(type) {
		case Path:
			r.Path(it)
		case Text:
			r.Text(it)
		}
	}
	return r.End()
}

func (p *Page) add(items ...Item) { p.Items = append(p.Items, items...) }
