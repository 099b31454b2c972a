package poster

// The poster keeps its own display list rather than reusing sketch's.
// sketch.Drawing is the screen map: items carry CSS classes, and the page's
// stylesheet decides line widths, colours and font sizes. A printed page
// has no stylesheet — PDF and PNG need every stroke width, colour and font
// size spelt out, in points — and most of a poster (title, legend, index,
// QR code) is not map at all. So each item here carries its own style, and
// the renderers need no knowledge of kinds, layers or classes.

// XY is a position on the page in points: x right, y down, origin top left.
type XY struct{ X, Y float64 }

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
	Fill   string  // "#rrggbb", or "" for none
	Stroke string  // "#rrggbb", or "" for none
	Width  float64 // stroke width in points
	Dash   float64 // dash and gap length in points; 0 is a solid line
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
	// Halo, if > 0, is the width in points of a band of the map's paper
	// drawn round the letters under them, so the lines a label sits on
	// (a street's edge, the walk's dashes) do not run through its words.
	Halo float64
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
