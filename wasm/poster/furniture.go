package poster

import (
	"strconv"

	"github.com/buurtkaart/buurtkaart/wasm/label"
)

// furniture draws the scale bar (bottom left) and the north arrow (top
// right) inside the map and returns their boxes, which labels avoid.
func (s mapSheet) furniture(p *Page, sm sheetMap, area Rect) []label.Box {
	u, pal := s.u, s.o.pal
	size := max(MinTextSize, u*0.6)
	// the bar is a round 50, 100, 200, 250 or 500 m near a fifth of the map
	target := area.W * 0.2 * sm.metresPerPoint()
	metres := 50.0
	for _, m := range []float64{100, 200, 250, 500, 1000, 2000} {
		if m <= target {
			metres = m
		}
	}
	w := metres / sm.metresPerPoint()
	x0, y0 := area.X+u*0.5, area.Y+area.H-u*0.8
	half := w / 2
	p.add(Path{Parts: [][]XY{{{X: x0, Y: y0}, {X: x0 + half, Y: y0}}}, Stroke: pal.Ink, Width: u * 0.3})
	p.add(Path{Parts: [][]XY{{{X: x0 + half, Y: y0}, {X: x0 + w, Y: y0}}}, Stroke: pal.Paper, Width: u * 0.3})
	p.add(Path{Parts: [][]XY{corners(Rect{x0, y0 - u*0.15, w, u * 0.3})}, Closed: true, Stroke: pal.Ink, Width: max(0.5, u*0.06)})
	txt := strconv.Itoa(int(metres)) + " m"
	if metres >= 1000 {
		txt = strconv.Itoa(int(metres/1000)) + " km"
	}
	p.add(Text{At: XY{X: x0, Y: y0 - u*0.5}, S: "0", Size: size, Fill: pal.Ink, Align: Middle},
		Text{At: XY{X: x0 + w, Y: y0 - u*0.5}, S: txt, Size: size, Fill: pal.Ink, Align: Middle})
	scale := label.Box{X0: x0 - u*0.5, Y0: y0 - u*0.5 - size, X1: x0 + w + s.o.Measure(txt, size)/2 + u*0.3, Y1: y0 + u*0.4}

	// north arrow: a drawn needle with an N above it
	cx, top := area.X+area.W-u*1.5, area.Y+u*2.2
	h := u * 2.2
	needle := []XY{{X: cx, Y: top}, {X: cx + u*0.55, Y: top + h}, {X: cx, Y: top + h*0.72}, {X: cx - u*0.55, Y: top + h}}
	p.add(Path{Parts: [][]XY{needle}, Closed: true, Fill: pal.Ink, Stroke: pal.Ink, Width: max(0.5, u*0.06)})
	p.add(Text{At: XY{X: cx, Y: top - u*0.35}, S: "N", Size: max(MinTextSize, u*1.1), Fill: pal.Ink, Align: Middle})
	north := label.Box{X0: cx - u*1, Y0: top - u*1.6, X1: cx + u*1, Y1: top + h + u*0.2}
	return []label.Box{scale, north}
}
