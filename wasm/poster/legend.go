package poster

import (
	"strconv"

	"github.com/buurtkaart/buurtkaart/wasm/atlas"
	"github.com/buurtkaart/buurtkaart/wasm/kind"
	"github.com/buurtkaart/buurtkaart/wasm/sketch"
)

// legendItem is one key of the legend: a kind's mark (on a pin's foot
// for residents' pins), or the walk's dots when it has no kind; and what
// it means.
type legendItem struct {
	kind  kind.Kind
	pin   bool
	text  string
	count string
}

// legendItems are the five kinds with their counts, then the walk and the
// residents' pins when the poster has them.
func (l *layout) legendItems() []legendItem {
	counts := map[kind.Kind]int{}
	pins := 0
	for _, e := range l.es {
		counts[e.Kind]++
		if e.Pin {
			pins++
		}
	}
	var out []legendItem
	for _, k := range kind.All {
		out = append(out, legendItem{kind: k, text: k.Text().NL, count: strconv.Itoa(counts[k])})
	}
	for _, s := range l.m.Shapes {
		if s.Layer == atlas.Route {
			out = append(out, legendItem{text: firstOf(clean(s.Name, 60), "wandelroute")})
			break
		}
	}
	if pins > 0 {
		out = append(out, legendItem{kind: kind.Talent, pin: true, text: "nieuw van bewoners", count: strconv.Itoa(pins)})
	}
	return out
}

// draw draws the item's symbol centred on c, r in radius.
func (it legendItem) draw(p *Page, pal *sketch.Palette, c XY, r float64) {
	if it.kind != "" {
		kindMark(p, pal, it.kind, c, r, it.pin)
		return
	}
	// the walk's dots as the map draws them, a little larger
	walk, k := pal.Layer(atlas.Route), r/sketch.MarkRadius*1.5
	p.add(Path{Parts: [][]XY{{{X: c.X - r*1.6, Y: c.Y}, {X: c.X + r*1.6, Y: c.Y}}}, Stroke: walk.Line,
		Width: walk.Width * k, Dash: walk.Dot[0] * k, Gap: walk.Dot[1] * k})
}

// legend lays the items out in rows across width w, starting at (x, y)
// (the top of the first row), and returns the height used. With draw
// false it only measures.
func legend(p *Page, pal *sketch.Palette, items []legendItem, x, y, w, size float64, measure func(string, float64) float64, draw bool) float64 {
	r := size * 0.42
	lh := size * 1.7
	cx, cy := x, y+lh*0.62
	for _, it := range items {
		tw := measure(it.text, size)
		if it.count != "" {
			tw += size*0.35 + measure(it.count, max(MinTextSize, size*0.85))
		}
		iw := r*3.6 + size*0.35 + tw
		if cx > x && cx+iw > x+w {
			cx, cy = x, cy+lh
		}
		if draw {
			it.draw(p, pal, XY{X: cx + r*1.8, Y: cy - size*0.3}, r)
			tx := cx + r*3.6 + size*0.35
			p.add(Text{At: XY{X: tx, Y: cy}, S: it.text, Size: size, Fill: pal.Ink})
			if it.count != "" {
				p.add(Text{At: XY{X: tx + measure(it.text, size) + size*0.35, Y: cy}, S: it.count, Size: max(MinTextSize, size*0.85), Fill: pal.Soft})
			}
		}
		cx += iw + size*1.6
	}
	return cy - y + lh*0.38
}
