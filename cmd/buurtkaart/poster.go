package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"image/png"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/tdewolff/canvas"
	"github.com/tdewolff/canvas/renderers/pdf"
	"github.com/tdewolff/canvas/renderers/rasterizer"

	"github.com/buurtkaart/buurtkaart/wasm/atlas"
	"github.com/buurtkaart/buurtkaart/wasm/pin"
	"github.com/buurtkaart/buurtkaart/wasm/pins"
	"github.com/buurtkaart/buurtkaart/wasm/poster"
)

// posterFont is the handwriting face the poster is set in (SIL OFL, see
// web/fonts/OFL.txt). WOFF2 keeps it at 62 KB for the browser; canvas
// reads WOFF2 and embeds a TrueType subset of the glyphs used in the PDF.
const (
	posterFont       = "web/fonts/PatrickHand-Regular.woff2"
	posterFontCredit = "letter: Patrick Hand (SIL Open Font License)"
)

// pngDPI is the resolution of the shared PNG: 150 dpi is sharp on any
// screen and a chat app, and keeps an A2 at 2480 × 3508 pixels.
const pngDPI = 150

// posterCmd writes a printable poster of the map as PDF, SVG or PNG.
func posterCmd(args []string) error {
	fs := flag.NewFlagSet("poster", flag.ContinueOnError)
	mapPath := fs.String("map", "geodata/schilderswijk.geojson", "map file (GeoJSON)")
	dbPath := fs.String("pins", "", "SQLite file of residents' pins (as serve --db); default none")
	size := fs.String("size", "A3", "paper size: A4, A3, A2 or A1")
	landscape := fs.Bool("landscape", false, "lying sheet instead of standing")
	url := fs.String("url", "", "the live map's pin form, for the QR code; default none (a placeholder)")
	title := fs.String("title", "", "title on the poster; default the map's own")
	inkName := fs.String("ink", "kleur", "kleur (the map's colours) or zwart (black ink, greys only, for a black-and-white printer)")
	out := fs.String("o", "poster.pdf", "output file: .pdf, .svg or .png")
	if err := fs.Parse(args); err != nil {
		return exitError{}
	}
	paperSize, err := poster.ParseSize(*size)
	if err != nil {
		return err
	}
	ink, err := poster.ParseInk(*inkName)
	if err != nil {
		return err
	}
	m, _, err := loadMap(*mapPath, os.Stderr)
	if err != nil {
		return err
	}
	var ps []pin.Pin
	if *dbPath != "" {
		if ps, err = pinsFromDB(*dbPath, mapKey(*mapPath)); err != nil {
			return err
		}
	}
	start := time.Now()
	f, err := loadPosterFont()
	if err != nil {
		return err
	}
	job := posterJob{Paper: poster.Paper{Size: paperSize, Landscape: *landscape}, Title: *title, URL: *url, Pins: ps, Ink: ink}
	var buf bytes.Buffer
	n, err := job.write(&buf, m, f, formatOf(*out))
	if err != nil {
		return err
	}
	if err := writeFile(*out, buf.Bytes()); err != nil {
		return err
	}
	fmt.Printf("%s: %s %s, %d places and pins, %d pages, %d KB, %s\n", *out, m.Title, job.Paper, n.Entries,
		len(n.Pages), buf.Len()/1024, time.Since(start).Round(time.Millisecond))
	return nil
}

func formatOf(path string) string {
	return strings.TrimPrefix(strings.ToLower(filepath.Ext(path)), ".")
}

// pinsFromDB reads the visible pins of the map from serve's database. It
// refuses a missing file rather than let openDB create an empty one.
func pinsFromDB(path, key string) ([]pin.Pin, error) {
	if _, err := os.Stat(path); err != nil {
		return nil, fmt.Errorf("%s: %w", path, unwrapPath(err))
	}
	ctx := context.Background()
	db, err := openDB(ctx, path)
	if err != nil {
		return nil, err
	}
	defer db.Close()
	return pins.NewStore(db, key).List(ctx, pins.Query{})
}

// posterJob is one poster to make: the options the flags or the query set.
type posterJob struct {
	Paper poster.Paper
	Title string
	URL   string
	Pins  []pin.Pin
	Date  time.Time  // default today
	Ink   poster.Ink // default kleur
	// PinsCut says Pins are the first of more: the poster then says so
	// in its footer, and where to see them all.
	PinsCut bool
}

// write composes the poster and writes it in format ("pdf", "svg", "png").
// PDF holds every sheet; SVG and PNG the first (an index only overflows
// onto a second sheet for maps of many hundreds of places on A4).
func (j posterJob) write(w io.Writer, m *atlas.Map, f *posterFace, format string) (*poster.Poster, error) {
	if format != "pdf" && format != "svg" && format != "png" {
		return nil, fmt.Errorf("poster: unknown output format %q; use .pdf, .svg or .png", format)
	}
	code, err := posterQR(j.URL)
	if err != nil {
		return nil, err
	}
	date := j.Date
	if date.IsZero() {
		date = time.Now()
	}
	credit := posterFontCredit
	if j.PinsCut {
		credit = fmt.Sprintf("Hier de eerste %d bewonerspins; alle pins op de kaart online · %s", len(j.Pins), credit)
	}
	p, err := poster.Compose(m, &poster.Options{Paper: j.Paper, Title: j.Title, Date: date, URL: j.URL,
		QR: code.Modules, Pins: j.Pins, Credit: credit, Measure: f.measure, Ink: j.Ink})
	if err != nil {
		return nil, err
	}
	switch format {
	case "svg":
		err = poster.Render(poster.NewSVG(w, nil), p.Pages[0])
	case "png":
		err = writePNG(w, p.Pages[0], f)
	default:
		err = writePDF(w, p.Pages, f)
	}
	return p, err
}

func writePDF(w io.Writer, pages []*poster.Page, f *posterFace) error {
	first := pages[0]
	doc := pdf.New(w, first.Width*mmPerPt, first.Height*mmPerPt, nil)
	doc.SetInfo(first.Title, "buurtkaart poster", "buurtkaart", "", "buurtkaart")
	doc.SetLang(first.Lang)
	for i, pg := range pages {
		if i > 0 {
			doc.NewPage(pg.Width*mmPerPt, pg.Height*mmPerPt)
		}
		c := canvas.New(pg.Width*mmPerPt, pg.Height*mmPerPt)
		if err := poster.Render(&canvasPage{c: c, f: f}, pg); err != nil {
			return err
		}
		c.RenderTo(doc)
	}
	return doc.Close()
}

func writePNG(w io.Writer, pg *poster.Page, f *posterFace) error {
	c := canvas.New(pg.Width*mmPerPt, pg.Height*mmPerPt)
	if err := poster.Render(&canvasPage{c: c, f: f}, pg); err != nil {
		return err
	}
	img := rasterizer.Draw(c, canvas.DPI(pngDPI), canvas.DefaultColorSpace)
	return png.Encode(w, img)
}

var errNoFont = errors.New("poster: cannot find " + posterFont + "; run from inside the buurtkaart source tree")

// loadPosterFont reads the handwriting font from the source tree.
func loadPosterFont() (*posterFace, error) {
	root, err := findRoot()
	if err != nil {
		return nil, err
	}
	data, err := os.ReadFile(filepath.Join(root, posterFont))
	if err != nil {
		return nil, errNoFont
	}
	fam := canvas.NewFontFamily("Patrick Hand")
	if err := fam.LoadFont(data, 0, canvas.FontRegular); err != nil {
		return nil, fmt.Errorf("poster: %s: %w", posterFont, err)
	}
	// no ligatures: canvas's PDF writer gives a ligature glyph no ToUnicode
	// entry, so "fietsen" would search and copy as "etsen"; a hand has no
	// need of "fi" ligatures anyway
	fam.SetFeatures("liga=0,clig=0")
	return &posterFace{family: fam, faces: map[faceKey]*canvas.FontFace{}, widths: map[faceKey]float64{}}, nil
}

// mmPerPt converts the poster's points into canvas's millimetres.
const mmPerPt = 25.4 / 72

// posterFace is the loaded font with a face per size and colour, made once:
// shaping setup dominates the cost of a short label.
type posterFace struct {
	family *canvas.FontFamily
	faces  map[faceKey]*canvas.FontFace
	widths map[faceKey]float64 // measured text (in ink) by size: layout asks again and again
}

type faceKey struct {
	size float64
	ink  string // the colour, or for widths the text
}

func (f *posterFace) face(size float64, ink string) *canvas.FontFace {
	k := faceKey{size, ink}
	if fc, ok := f.faces[k]; ok {
		return fc
	}
	fc := f.family.Face(size, canvas.Hex(ink))
	f.faces[k] = fc
	return fc
}

// measure is the core's Measure: the advance width in points, as shaped.
// Widths are kept: fitting the index tries several sizes and map heights,
// and re-shaping 1,000 names each time took 1.9 s of a 1k-place A2.
func (f *posterFace) measure(s string, size float64) float64 {
	k := faceKey{size, s}
	if w, ok := f.widths[k]; ok {
		return w
	}
	w := f.face(size, "#000000").TextWidth(s) / mmPerPt
	f.widths[k] = w
	return w
}

// canvasPage draws a poster page onto a tdewolff canvas (mm, y up), from
// which the PDF and PNG backends render.
type canvasPage struct {
	c *canvas.Canvas
	f *posterFace
	h float64 // page height in points, to flip y
}

var _ poster.Renderer = (*canvasPage)(nil)

func (cp *canvasPage) Begin(p *poster.Page) error { cp.h = p.Height; return nil }
func (cp *canvasPage) End() error                 { return nil }

func (cp *canvasPage) pt(x, y float64) (float64, float64) { return x * mmPerPt, (cp.h - y) * mmPerPt }

func (cp *canvasPage) Path(p poster.Path) {
	path := &canvas.Path{}
	for _, part := range p.Parts {
		for i, q := range part {
			x, y := cp.pt(q.X, q.Y)
			if i == 0 {
				path.MoveTo(x, y)
			} else {
				path.LineTo(x, y)
			}
		}
		if p.Closed && len(part) > 0 {
			path.Close()
		}
	}
	if p.D != "" { // sketch's curves and pictograms, in points with y down
		d, err := canvas.ParseSVGPath(p.D)
		if err != nil {
			return // the core writes only what it parses; nothing else reaches here
		}
		path = path.Append(d.Transform(canvas.Identity.Translate(0, cp.h*mmPerPt).Scale(mmPerPt, -mmPerPt)))
	}
	style := canvas.DefaultStyle
	style.Fill = canvas.Paint{}
	if p.Fill != "" {
		style.Fill = canvas.Paint{Color: canvas.Hex(p.Fill)}
	}
	if p.Stroke != "" && p.Width > 0 {
		style.Stroke = canvas.Paint{Color: canvas.Hex(p.Stroke)}
		style.StrokeWidth = p.Width * mmPerPt
		style.StrokeCapper, style.StrokeJoiner = canvas.RoundCap, canvas.RoundJoin
		if p.Dash > 0 {
			gap := p.Gap
			if gap <= 0 {
				gap = p.Dash
			}
			style.Dashes = []float64{p.Dash * mmPerPt, gap * mmPerPt}
		}
	}
	cp.c.RenderPath(path, style, canvas.Identity)
}

func (cp *canvasPage) Text(t poster.Text) {
	align := canvas.Left
	switch t.Align {
	case poster.Middle:
		align = canvas.Center
	case poster.End:
		align = canvas.Right
	}
	x, y := cp.pt(t.At.X, t.At.Y)
	m := canvas.Identity.Translate(x, y)
	if t.Angle != 0 {
		m = m.Rotate(-t.Angle) // clockwise on a y-down page is negative on canvas's y-up
	}
	face := cp.f.face(t.Size, t.Fill)
	if t.Halo > 0 { // the letters' outlines, stroked in paper under them
		outline, w := face.ToPath(t.S)
		dx := 0.0
		switch align {
		case canvas.Center:
			dx = -w / 2
		case canvas.Right:
			dx = -w
		}
		style := canvas.DefaultStyle
		style.Fill = canvas.Paint{}
		style.Stroke = canvas.Paint{Color: canvas.Hex(t.HaloInk)}
		style.StrokeWidth = t.Halo * mmPerPt
		style.StrokeCapper, style.StrokeJoiner = canvas.RoundCap, canvas.RoundJoin
		cp.c.RenderPath(outline, style, m.Translate(dx, 0))
	}
	cp.c.RenderText(canvas.NewTextLine(face, t.S, align), m)
}
