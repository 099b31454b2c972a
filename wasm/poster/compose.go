package poster

import (
	"errors"
	"strconv"
	"strings"

	"github.com/buurtkaart/buurtkaart/wasm/atlas"
	"github.com/buurtkaart/buurtkaart/wasm/sketch"
)

// Poster is a composed poster: the sheet, and — only when the index of a
// very full map does not fit beside the map even at 7 pt — further sheets
// that continue the index.
type Poster struct {
	Pages      []*Page
	Entries    int // places and pins, each numbered on the map and in the index
	Unlabelled int // entries the map could not label (0 on every tested map)
	Notes      int // notes written in the map beside their places
}

// layout holds the measures every block of the sheet shares.
type layout struct {
	m        *atlas.Map
	o        Options
	es       []entry
	w, h, u  float64
	margin   float64
	gap      float64
	content  Rect // inside the margins
	headerH  float64
	footerH  float64
	legendSz float64
}

// Compose lays out a poster of m for printing.
func Compose(m *atlas.Map, opts *Options) (*Poster, error) {
	if m == nil {
		return nil, errors.New("poster: no map")
	}
	if m.Bounds.Empty() {
		return nil, errors.New("poster: the map has no extent (bbox); add a bbox or some features")
	}
	o := opts.withDefaults()
	w, h := o.Paper.Points()
	// u, a hundredth of the short side, scales everything: A4 5.95 pt,
	// A3 8.42, A2 11.9, A1 16.8. Sizes below the 7 pt floor are raised.
	u := min(w, h) / 100
	l := &layout{m: m, o: o, es: entries(m, o.Pins), w: w, h: h, u: u, margin: 4.5 * u, gap: 1.8 * u}
	l.content = Rect{l.margin, l.margin, w - 2*l.margin, h - 2*l.margin}
	l.legendSz = max(MinTextSize, u*1.0)
	page := &Page{Width: w, Height: h, Title: l.title(), Lang: firstOf(m.Language, "nl")}
	page.add(Path{Parts: [][]XY{corners(Rect{0, 0, w, h})}, Closed: true, Fill: o.pal.Paper})
	l.header(page)
	l.footer(page)
	mapRect, panel := l.split()
	rest, d := l.body(page, mapRect, panel)
	pages := []*Page{page}
	for len(rest) > 0 && len(pages) < 50 {
		next := &Page{Width: w, Height: h, Title: page.Title, Lang: page.Lang}
		next.add(Path{Parts: [][]XY{corners(Rect{0, 0, w, h})}, Closed: true, Fill: o.pal.Paper})
		next.add(Text{At: XY{X: l.margin, Y: l.margin + u*2.2}, S: "Register — " + page.Title + " (vervolg)", Size: max(MinTextSize, u*2.2), Fill: o.pal.Ink})
		l.footer(next)
		area := Rect{l.content.X, l.margin + u*4, l.content.W, l.content.H - u*4 - l.footerH}
		rest = index{pal: o.pal, size: MinTextSize, measure: l.o.Measure}.flow(next, l.es, rest, area)
		pages = append(pages, next)
	}
	return &Poster{Pages: pages, Entries: len(l.es), Unlabelled: d.unlabelled, Notes: d.notes}, nil
}

func (l *layout) title() string {
	t := clean(firstOf(l.o.Title, l.m.Title, l.m.Buurt, "Onze buurt"), 80)
	return t
}

func firstOf(s ...string) string {
	for _, v := range s {
		if strings.TrimSpace(v) != "" {
			return v
		}
	}
	return ""
}

// header writes the title, as large as fits one line, and under it the
// buurt, what the map holds, and the date.
func (l *layout) header(p *Page) {
	u, t := l.u, l.title()
	size := 4.8 * u
	if w := l.o.Measure(t, size); w > l.content.W {
		size = max(MinTextSize, size*l.content.W/w)
	}
	y := l.margin + size*0.8
	p.add(Text{At: XY{X: l.margin, Y: y}, S: t, Size: size, Fill: l.o.pal.Ink})
	var sub []string
	if l.m.Buurt != "" && !strings.Contains(t, l.m.Buurt) {
		sub = append(sub, clean(l.m.Buurt, 60))
	}
	sub = append(sub, strconv.Itoa(len(l.es))+" talenten, clubs, plekken, verhalen en partners — getekend door de buurt")
	if d := dutchDate(l.o.Date); d != "" {
		sub = append(sub, d)
	}
	subSize := max(MinTextSize, 1.35*u)
	y += subSize * 1.7
	p.add(Text{At: XY{X: l.margin, Y: y}, S: strings.Join(sub, "  ·  "), Size: subSize, Fill: l.o.pal.Soft})
	// a hand-drawn underline ties title and map together
	line := sketch.Wobble([]XY{{X: l.margin, Y: y + subSize*0.8}, {X: l.margin + l.content.W, Y: y + subSize*0.8}}, "kop", u*0.1, u*6)
	p.add(Path{D: sketch.PathData(line, false, true), Stroke: l.o.pal.Ink, Width: max(0.6, u*0.08)})
	l.headerH = y + subSize*0.8 + l.gap - l.margin
}

// footer writes who made it and where the data come from.
func (l *layout) footer(p *Page) {
	size := max(MinTextSize, 0.72*l.u)
	buurt := firstOf(l.m.Buurt, "deze buurt")
	made := "Gemaakt door de bewoners van " + clean(buurt, 60)
	if names, more := contributors(l.o.Pins); len(names) > 0 {
		if more {
			names = append(names, "anderen")
		}
		made += ", met dank aan " + strings.Join(names, ", ")
	}
	var attr []string
	if l.m.Attribution != "" {
		attr = append(attr, clean(l.m.Attribution, 200))
	}
	if l.o.Credit != "" {
		attr = append(attr, clean(l.o.Credit, 120))
	}
	y := l.h - l.margin
	if len(attr) > 0 {
		p.add(Text{At: XY{X: l.margin, Y: y}, S: strings.Join(attr, " · "), Size: size, Fill: l.o.pal.Soft})
		y -= size * 1.45
	}
	p.add(Text{At: XY{X: l.margin, Y: y}, S: made, Size: size * 1.15, Fill: l.o.pal.Ink})
	l.footerH = l.h - l.margin - y + size*1.2 + l.gap*0.5
}
