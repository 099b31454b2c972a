package poster

import (
	"strconv"
	"strings"

	"github.com/buurtkaart/buurtkaart/wasm/kind"
	"github.com/buurtkaart/buurtkaart/wasm/sketch"
)

// indexLine is one line of the index: a kind's heading, or (part of) an
// entry, wrapped to the column.
type indexLine struct {
	Head bool
	Kind kind.Kind
	Num  string // "" on a wrapped continuation
	Text string
	Pin  bool
}

// index lays out the list of all entries by kind, numbered as on the map.
type index struct {
	pal     *sketch.Palette
	size    float64
	measure func(string, float64) float64
}

func (ix index) lineHeight() float64 { return ix.size * 1.22 }
func (ix index) gap() float64        { return ix.size * 1.6 }

// colWidth is a column's narrowest width: 20 em holds ~45 characters of
// Patrick Hand, enough for most names on one line; longer ones wrap.
func (ix index) colWidth() float64 { return ix.size * 20 }

func (ix index) columns(w float64) (n int, cw float64) {
	n = max(1, int((w+ix.gap())/(ix.colWidth()+ix.gap())))
	return n, (w - float64(n-1)*ix.gap()) / float64(n)
}

// numWidth is the room for numbers up to the largest one.
func (ix index) numWidth(es []entry) float64 {
	return ix.measure(strconv.Itoa(len(es)), ix.size) + ix.size*0.5
}

func (ix index) lines(es []entry, cw float64) []indexLine {
	var out []indexLine
	textW := cw - ix.numWidth(es)
	for _, k := range kind.All {
		n := 0
		for _, e := range es {
			if e.Kind == k {
				n++
			}
		}
		if n == 0 {
			continue
		}
		out = append(out, indexLine{Head: true, Kind: k, Text: k.Text().NL})
		for _, e := range es {
			if e.Kind != k {
				continue
			}
			for i, part := range ix.wrap(e.Name, textW) {
				l := indexLine{Kind: k, Text: part, Pin: e.Pin}
				if i == 0 {
					l.Num = strconv.Itoa(e.N)
				}
				out = append(out, l)
			}
		}
	}
	return out
}

// wrap breaks s into lines no wider than w, at spaces; a single word wider
// than w is left whole rather than cut mid-word.
func (ix index) wrap(s string, w float64) []string {
	if ix.measure(s, ix.size) <= w {
		return []string{s}
	}
	var out []string
	cur := ""
	for _, word := range strings.Fields(s) {
		try := strings.TrimSpace(cur + " " + word)
		if cur != "" && ix.measure(try, ix.size) > w {
			out = append(out, cur)
			cur = word
			continue
		}
		cur = try
	}
	return append(out, cur)
}

// flow writes lines into columns of area, top to bottom, left to right,
// and returns the lines that did not fit. A heading never ends a column.
func (ix index) flow(p *Page, es []entry, lines []indexLine, area Rect) []indexLine {
	n, cw := ix.columns(area.W)
	per := int(area.H / ix.lineHeight())
	if per < 2 {
		return lines
	}
	numW := ix.numWidth(es)
	i := 0
	for col := 0; col < n && i < len(lines); col++ {
		x := area.X + float64(col)*(cw+ix.gap())
		for row := 0; row < per && i < len(lines); row++ {
			l := lines[i]
			if l.Head && row == per-1 {
				break
			}
			if l.Head && row > 0 {
				row++ // a blank line before each kind but the column's first
				if row >= per-1 {
					break
				}
			}
			y := area.Y + float64(row)*ix.lineHeight() + ix.size
			ix.line(p, l, x, y, numW)
			i++
		}
	}
	return lines[i:]
}

// fits reports whether all lines fit area, without drawing.
func (ix index) fits(lines []indexLine, area Rect) bool {
	var scratch Page
	return len(ix.flow(&scratch, nil, lines, area)) == 0
}

func (ix index) line(p *Page, l indexLine, x, y, numW float64) {
	if l.Head {
		r := ix.size * 0.38
		kindMark(p, ix.pal, l.Kind, XY{X: x + r, Y: y - ix.size*0.3}, r, false)
		p.add(Text{At: XY{X: x + r*2 + ix.size*0.4, Y: y}, S: l.Text, Size: ix.size * 1.15, Fill: ix.pal.Ink})
		return
	}
	fill := ix.pal.Ink
	if l.Pin {
		fill = ix.pal.Pin
	}
	if l.Num != "" {
		p.add(Text{At: XY{X: x + numW - ix.size*0.5, Y: y}, S: l.Num, Size: ix.size, Fill: fill, Align: End})
	}
	p.add(Text{At: XY{X: x + numW, Y: y}, S: l.Text, Size: ix.size, Fill: ix.pal.Ink})
}
