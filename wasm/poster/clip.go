package poster

// Base shapes may run past the map's bbox (a street continues beyond the
// buurt); on paper they must stop at the frame, or they would be drawn
// over the legend. Lines are clipped segment by segment (Liang–Barsky),
// areas ring by ring (Sutherland–Hodgman against each edge of the frame).

func (r Rect) contains(p XY) bool {
	return p.X >= r.X && p.X <= r.X+r.W && p.Y >= r.Y && p.Y <= r.Y+r.H
}

// clipLine returns the pieces of a polyline inside r.
func clipLine(pts []XY, r Rect) [][]XY {
	var out [][]XY
	var cur []XY
	for i := 1; i < len(pts); i++ {
		a, b, ok := clipSegment(pts[i-1], pts[i], r)
		if !ok {
			if len(cur) > 1 {
				out = append(out, cur)
			}
			cur = nil
			continue
		}
		if len(cur) == 0 || cur[len(cur)-1] != a {
			if len(cur) > 1 {
				out = append(out, cur)
			}
			cur = []XY{a}
		}
		cur = append(cur, b)
	}
	if len(cur) > 1 {
		out = append(out, cur)
	}
	return out
}

func clipSegment(a, b XY, r Rect) (XY, XY, bool) {
	t0, t1 := 0.0, 1.0
	dx, dy := b.X-a.X, b.Y-a.Y
	for _, e := range [4][2]float64{{-dx, a.X - r.X}, {dx, r.X + r.W - a.X}, {-dy, a.Y - r.Y}, {dy, r.Y + r.H - a.Y}} {
		p, q := e[0], e[1]
		if p == 0 {
			if q < 0 {
				return a, b, false
			}
			continue
		}
		t := q / p
		if p < 0 {
			t0 = max(t0, t)
		} else {
			t1 = min(t1, t)
		}
	}
	if t0 > t1 {
		return a, b, false
	}
	return XY{X: a.X + t0*dx, Y: a.Y + t0*dy}, XY{X: a.X + t1*dx, Y: a.Y + t1*dy}, true
}

// clipRing returns the part of a polygon ring inside r (possibly empty).
func clipRing(pts []XY, r Rect) []XY {
	edges := []struct {
		in  func(XY) bool
		cut func(a, b XY) XY
	}{
		{func(p XY) bool { return p.X >= r.X }, func(a, b XY) XY { return atX(a, b, r.X) }},
		{func(p XY) bool { return p.X <= r.X+r.W }, func(a, b XY) XY { return atX(a, b, r.X+r.W) }},
		{func(p XY) bool { return p.Y >= r.Y }, func(a, b XY) XY { return atY(a, b, r.Y) }},
		{func(p XY) bool { return p.Y <= r.Y+r.H }, func(a, b XY) XY { return atY(a, b, r.Y+r.H) }},
	}
	for _, e := range edges {
		if len(pts) == 0 {
			return nil
		}
		var out []XY
		prev := pts[len(pts)-1]
		for _, p := range pts {
			switch {
			case e.in(p) && !e.in(prev):
				out = append(out, e.cut(prev, p), p)
			case e.in(p):
				out = append(out, p)
			case e.in(prev):
				out = append(out, e.cut(prev, p))
			}
			prev = p
		}
		pts = out
	}
	return pts
}

func atX(a, b XY, x float64) XY { return XY{X: x, Y: a.Y + (b.Y-a.Y)*(x-a.X)/(b.X-a.X)} }
func atY(a, b XY, y float64) XY { return XY{X: a.X + (b.X-a.X)*(y-a.Y)/(b.Y-a.Y), Y: y} }
