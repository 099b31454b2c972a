package poster

import (
	"bufio"
	"io"
	"math"
	"strconv"
	"strings"
)

// SVGOptions tune the SVG writer; nil means defaults.
type SVGOptions struct {
	// FontFamily is the CSS font-family of all text; default
	// "Patrick Hand, cursive". The browser preview loads the face with
	// @font-face; a standalone file falls back to a cursive face.
	FontFamily string
}

// SVG writes pages as SVG, one document per page.
type SVG struct {
	w      *bufio.Writer
	family string
}

var _ Renderer = (*SVG)(nil)

// NewSVG returns a renderer writing to w.
func NewSVG(w io.Writer, opts *SVGOptions) *SVG {
	family := "Patrick Hand, cursive"
	if opts != nil && opts.FontFamily != "" {
		family = opts.FontFamily
	}
	return &SVG{w: bufio.NewWriter(w), family: family}
}

// WriteSVG writes p as one SVG document with default options.
func WriteSVG(w io.Writer, p *Page) error { return Render(NewSVG(w, nil), p) }

// Begin opens the document. Width and height carry the unit "pt", so the
// browser prints the SVG at its true size; the viewBox is in points too.
func (s *SVG) Begin(p *Page) error {
	w, h := num(p.Width), num(p.Height)
	s.w.WriteString(`<svg xmlns="http://www.w3.org/2000/svg" width="` + w + `pt" height="` + h + `pt" viewBox="0 0 ` + w + " " + h + `"`)
	s.w.WriteString(` lang="` + esc(firstOf(p.Lang, "nl")) + `" font-family="` + esc(s.family) + `">`)
	s.w.WriteString("<title>" + esc(p.Title) + "</title>")
	return nil
}

// Path writes one <path>.
func (s *SVG) Path(p Path) {
	var d strings.Builder
	for _, part := range p.Parts {
		for i, pt := range part {
			if i == 0 {
				d.WriteByte('M')
			} else {
				d.WriteByte('L')
			}
			d.WriteString(num(pt.X) + " " + num(pt.Y))
		}
		if p.Closed && len(part) > 0 {
			d.WriteByte('Z')
		}
	}
	d.WriteString(p.D)
	s.w.WriteString(`<path d="` + d.String() + `" fill="` + colour(p.Fill) + `"`)
	if p.Stroke != "" && p.Width > 0 {
		s.w.WriteString(` stroke="` + colour(p.Stroke) + `" stroke-width="` + num(p.Width) + `" stroke-linecap="round" stroke-linejoin="round"`)
		if p.Dash > 0 {
			s.w.WriteString(` stroke-dasharray="` + num(p.Dash) + " " + num(firstPositive(p.Gap, p.Dash)) + `"`)
		}
	}
	s.w.WriteString("/>")
}

// Text writes one <text>; the string is escaped, so no text can become markup.
func (s *SVG) Text(t Text) {
	s.w.WriteString(`<text x="` + num(t.At.X) + `" y="` + num(t.At.Y) + `" font-size="` + num(t.Size) + `" fill="` + colour(t.Fill) + `"`)
	switch t.Align {
	case Middle:
		s.w.WriteString(` text-anchor="middle"`)
	case End:
		s.w.WriteString(` text-anchor="end"`)
	}
	if t.Halo > 0 {
		s.w.WriteString(` stroke="` + colour(t.HaloInk) + `" stroke-width="` + num(t.Halo) + `" stroke-linejoin="round" paint-order="stroke"`)
	}
	if t.Angle != 0 {
		s.w.WriteString(` transform="rotate(` + num(t.Angle) + " " + num(t.At.X) + " " + num(t.At.Y) + `)"`)
	}
	s.w.WriteString(">" + esc(t.S) + "</text>")
}

func firstPositive(v ...float64) float64 {
	for _, x := range v {
		if x > 0 {
			return x
		}
	}
	return 0
}

// End closes the document and flushes.
func (s *SVG) End() error {
	s.w.WriteString("</svg>\n")
	return s.w.Flush()
}

// escaper is sketch's: text and attribute values, without html's entity table.
var escaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&#34;", "'", "&#39;")

func esc(s string) string { return escaper.Replace(s) }

// colour passes "#rrggbb" and nothing else: the inks are the core's own,
// but a colour is written into an attribute, so it is checked all the same.
func colour(c string) string {
	if len(c) != 7 || c[0] != '#' {
		return "none"
	}
	for _, r := range c[1:] {
		if !strings.ContainsRune("0123456789abcdefABCDEF", r) {
			return "none"
		}
	}
	return c
}

// num writes a coordinate with two decimals (a hundredth of a point is
// 3.5 µm, far below any printer) and drops trailing zeros.
func num(v float64) string {
	v = math.Round(v*100) / 100
	if v == 0 {
		v = 0
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}
