package poster

import (
	"strconv"

	"github.com/buurtkaart/buurtkaart/wasm/atlas"
	"github.com/buurtkaart/buurtkaart/wasm/kind"
)

// legendItem is one key of the legend: a symbol and what it means.
type legendItem struct {
	draw  func(p *Page, c XY, r float64) // draws the symbol centred on c
	text  string
	count string
}

// legendItems are the five kinds with their counts, then the walk and the
// residents' pins when the poster has them.
func legendItems(m *atlas.Map, es []entry) []legendItem {
	counts := map[kind.Kind]int{}
	pins := 0
	for _, e := range es {
		counts[e.Kind]++
		if e.Pin {
			pins++
		}
	}
	var out []legendItem
	for _, k := range kind.All {
		out = append(out, legendItem{
			draw:  func(p *Page, c XY, r float64) { p.add(mark(k, c, r, false)) },
			text:  k.Text().NL,
			count: strconv.Itoa(counts[k]),
		})
	}
	for _, s := range m.Shapes {
		if s.Layer == atlas.Route {
			name := "wandelroute"
			if s.Name != "" {
				name = clean(s.Name, 60)
			}
			out = append(out, legendItem{draw: func(p *Page, c XY, r float64) {
				p.add(Path{Parts: [][]XY{{{c.X - r*1.6, c.Y}, {c.X + r*1.6, c.Y}}}, Stroke: route, Width: r * 0.45, Dash: r * 0.8})
			}, text: name})
			break
		}
	}
	if pins > 0 {
		out = append(out, legendItem{draw: func(p *Page, c XY, r float64) { p.add(mark(kind.Talent, c, r, true)) },
			text: "nieuw van bewoners", count: strconv.Itoa(pins)})
	}
	return out
}

// legend lays the items out in rows across width w, starting at (x, y)
// (the top of the first row), and returns the height used. With draw
// false it only measures.
func legend(p *Page, items []legendItem, x, y, w, size float64, measure func(string, float64) float64, draw bool) float64 {
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
			it.draw(p, XY{cx + r*1.8, cy - size*0.3}, r)
			tx := cx + r*3.6 + size*0.35
			p.add(Text{At: XY{tx, cy}, S: it.text, Size: size, Fill: ink})
			if it.count != "" {
				p.add(Text{At: XY{tx + measure(it.text, size) + size*0.35, cy}, S: it.count, Size: max(MinTextSize, size*0.85), Fill: inkSoft})
			}
		}
		cx += iw + size*1.6
	}
	return cy - y + lh*0.38
}
