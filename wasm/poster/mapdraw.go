package poster

import (
	"math"

	"github.com/buurtkaart/buurtkaart/wasm/atlas"
	"github.com/buurtkaart/buurtkaart/wasm/label"
)

// mapSheet draws the map into a frame on the page.
type mapSheet struct {
	m     *atlas.Map
	frame Rect
	u     float64 // the poster's unit: a hundredth of the sheet's short side
	o     Options
}

// draw adds the framed map with its marks and labels to p and returns how
// many entries could not be labelled (0 on every poster we test).
func (s mapSheet) draw(p *Page, es []entry) int {
	f, u := s.frame, s.u
	p.add(Path{Parts: [][]XY{wobble(corners(f), true, u*0.12, u*4, seeded("frame"))}, Closed: true,
		Fill: MapPaper, Stroke: ink, Width: max(0.8, u*0.14)})
	inner := Rect{f.X + u*1.2, f.Y + u*1.2, f.W - u*2.4, f.H - u*2.4}
	pr := fit(s.m.Bounds, inner)
	clipTo := Rect{f.X + u*0.3, f.Y + u*0.3, f.W - u*0.6, f.H - u*0.6}
	s.areas(p, pr, clipTo)
	s.streets(p, pr, clipTo)
	s.route(p, pr, clipTo)

	r := max(2.4, u*0.34)
	size := labelSize(u)
	at := make([]XY, len(es))
	for i, e := range es {
		at[i] = pr.xy(e.At)
	}
	reserved := s.furniture(p, pr, inner)
	lb := labeller{area: inner, size: size, r: r, measure: s.o.Measure, reserved: reserved, lines: s.lines(pr)}
	labels, unlabelled := lb.place(at, es)
	names := s.streetNames(pr, inner, at, r, labels, reserved)
	for _, t := range names {
		p.add(t)
	}
	var leaders [][]XY
	for _, l := range labels {
		if l.Leader != nil {
			leaders = append(leaders, l.Leader)
		}
	}
	if leaders != nil {
		p.add(Path{Parts: leaders, Stroke: ink, Width: max(0.4, u*0.05)})
	}
	for i, e := range es {
		p.add(mark(e.Kind, at[i], r, e.Pin))
	}
	for _, l := range labels {
		if l.Text.S != "" {
			p.add(l.Text)
		}
	}
	return unlabelled
}

// labelSize is the map's label size: 0.72 u is 8.6 pt on A2, 12 pt on A1;
// A4 and A3 are held at the 7 pt floor.
func labelSize(u float64) float64 { return max(MinTextSize, u*0.72) }

func corners(r Rect) []XY {
	return []XY{{r.X, r.Y}, {r.X + r.W, r.Y}, {r.X + r.W, r.Y + r.H}, {r.X, r.Y + r.H}}
}

func (s mapSheet) project(pr projection, pts []atlas.Point) []XY {
	out := make([]XY, len(pts))
	for i, pt := range pts {
		out[i] = pr.xy(pt)
	}
	return out
}

// areas draws green, water and buildings, filled and outlined by hand.
func (s mapSheet) areas(p *Page, pr projection, clip Rect) {
	style := map[atlas.Layer]Path{
		atlas.Groen:  {Fill: green, Stroke: greenInk, Width: s.u * 0.08},
		atlas.Water:  {Fill: water, Stroke: waterInk, Width: s.u * 0.08},
		atlas.Gebouw: {Fill: building, Stroke: ink, Width: s.u * 0.1},
	}
	for _, layer := range []atlas.Layer{atlas.Groen, atlas.Water, atlas.Gebouw} {
		for _, sh := range s.m.Shapes {
			if sh.Layer != layer {
				continue
			}
			st := style[layer]
			rnd := seeded(sh.ID + sh.Name)
			for _, part := range sh.Parts {
				pts := s.project(pr, part)
				if sh.Area {
					ring := clipRing(wobble(pts[:len(pts)-1], true, s.u*0.15, s.u*3, rnd), clip)
					if len(ring) > 2 {
						st.Parts, st.Closed = [][]XY{ring}, true
						p.add(st)
					}
				} else if layer == atlas.Water { // a canal drawn as a line
					p.add(Path{Parts: clipLine(wobble(pts, false, s.u*0.1, s.u*3, rnd), clip), Stroke: water, Width: s.u * 1.1})
				}
			}
		}
	}
}

// streets draws every street as two inked edges with paper between: first
// all the dark casings, then all the light middles, so crossings join.
func (s mapSheet) streets(p *Page, pr projection, clip Rect) {
	var lines [][]XY
	for _, sh := range s.m.Shapes {
		if sh.Layer != atlas.Straat {
			continue
		}
		rnd := seeded(sh.ID + sh.Name)
		for _, part := range sh.Parts {
			lines = append(lines, clipLine(wobble(s.project(pr, part), false, s.u*0.12, s.u*2.5, rnd), clip)...)
		}
	}
	if lines == nil {
		return
	}
	w := s.streetWidth()
	p.add(Path{Parts: lines, Stroke: ink, Width: w + max(0.9, s.u*0.16)})
	p.add(Path{Parts: lines, Stroke: street, Width: w})
}

// route draws the walk as a dashed line on top of the streets.
func (s mapSheet) route(p *Page, pr projection, clip Rect) {
	for _, sh := range s.m.Shapes {
		if sh.Layer != atlas.Route {
			continue
		}
		rnd := seeded(sh.ID)
		for _, part := range sh.Parts {
			p.add(Path{Parts: clipLine(wobble(s.project(pr, part), false, s.u*0.1, s.u*2, rnd), clip),
				Stroke: route, Width: s.u * 0.26, Dash: s.u * 0.9})
		}
	}
}

// lines are the inked edges of the streets and the walk, which names keep
// off where they can (label.Place).
func (s mapSheet) lines(pr projection) [][4]float64 {
	var out [][4]float64
	for _, sh := range s.m.Shapes {
		if sh.Area || sh.Layer != atlas.Straat && sh.Layer != atlas.Route {
			continue
		}
		half := 0.0 // the walk is one line; a street two, its edges
		if sh.Layer == atlas.Straat {
			half = s.streetWidth() / 2
		}
		for _, part := range sh.Parts {
			pts := s.project(pr, part)
			for i := 1; i < len(pts); i++ {
				a, b := pts[i-1], pts[i]
				l := math.Hypot(b.X-a.X, b.Y-a.Y)
				if l == 0 {
					continue
				}
				nx, ny := (a.Y-b.Y)/l*half, (b.X-a.X)/l*half
				out = append(out, [4]float64{a.X + nx, a.Y + ny, b.X + nx, b.Y + ny})
				if half > 0 {
					out = append(out, [4]float64{a.X - nx, a.Y - ny, b.X - nx, b.Y - ny})
				}
			}
		}
	}
	return out
}

// streetWidth is the paper between a street's two inked edges.
func (s mapSheet) streetWidth() float64 { return s.u * 0.62 }

// streetNames writes each street's name along its longest straight
// stretch where that is free of marks, labels and other names. Names are
// the least important text on the map, so they go last.
func (s mapSheet) streetNames(pr projection, area Rect, at []XY, r float64, labels []placed, reserved []label.Box) []Text {
	g := newOccupancy(64)
	for _, b := range reserved {
		g.add(b)
	}
	for _, c := range at {
		g.add(label.Box{X0: c.X - r, Y0: c.Y - r, X1: c.X + r, Y1: c.Y + r})
	}
	for _, l := range labels {
		if l.Text.S != "" {
			g.add(l.Box)
		}
	}
	size := max(MinTextSize, s.u*0.6)
	var out []Text
	for _, sh := range s.m.Shapes {
		if sh.Layer != atlas.Straat || sh.Name == "" || len(sh.Parts) == 0 {
			continue
		}
		pts := s.project(pr, sh.Parts[0])
		best, bl := -1, 0.0
		for i := 1; i < len(pts); i++ {
			if l := math.Hypot(pts[i].X-pts[i-1].X, pts[i].Y-pts[i-1].Y); l > bl {
				best, bl = i, l
			}
		}
		name := clean(sh.Name, 0)
		w := s.o.Measure(name, size)
		if best < 0 || w > bl*0.9 {
			continue
		}
		a, b := pts[best-1], pts[best]
		ang := math.Atan2(b.Y-a.Y, b.X-a.X)
		if ang > math.Pi/2 || ang <= -math.Pi/2 {
			ang += math.Pi // keep the text upright
		}
		mid := XY{(a.X + b.X) / 2, (a.Y + b.Y) / 2}
		box := rotatedBox(mid, w, size, ang)
		if !inside(box, area) || g.hits(box) {
			continue
		}
		g.add(box)
		// the baseline sits a third of the size below the centre line, so
		// the letters ride in the street between its two inked edges
		base := XY{mid.X - math.Sin(ang)*size*0.33, mid.Y + math.Cos(ang)*size*0.33}
		out = append(out, Text{At: base, S: name, Size: size, Align: Middle, Fill: inkSoft, Angle: ang * 180 / math.Pi})
	}
	return out
}

// rotatedBox is the axis-aligned box around a w × h text centred on c and
// turned by ang radians.
func rotatedBox(c XY, w, h, ang float64) label.Box {
	cw, sw := math.Abs(math.Cos(ang)), math.Abs(math.Sin(ang))
	hw, hh := (w*cw+h*sw)/2, (w*sw+h*cw)/2
	return label.Box{X0: c.X - hw, Y0: c.Y - hh, X1: c.X + hw, Y1: c.Y + hh}
}
