package poster

import (
	"hash/fnv"
	"math"
)

// rng is a tiny deterministic generator (SplitMix64) seeded by a feature id,
// so every wobble is the same on every machine and in every run: golden
// files stay byte-stable and a reprinted poster matches the first.
type rng struct{ s uint64 }

func seeded(id string) *rng {
	h := fnv.New64a()
	h.Write([]byte(id))
	return &rng{h.Sum64()}
}

func (r *rng) next() float64 {
	r.s += 0x9e3779b97f4a7c15
	z := r.s
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	z ^= z >> 31
	return float64(z>>11) / (1 << 53)
}

// between returns a number in [-1, 1).
func (r *rng) between() float64 { return r.next()*2 - 1 }

// wobble redraws a line as if by hand: it cuts segments into steps of
// about step points and moves each inner point sideways by up to amp
// points, smoothly (each offset leans on the previous one), so the line
// drifts rather than jitters. A hand drawing 1.8 km of streets on an A2
// sheet drifts about 0.5 mm, hence the callers' amp of ~1.5 pt.
func wobble(pts []XY, closed bool, amp, step float64, r *rng) []XY {
	if len(pts) < 2 || amp == 0 {
		return pts
	}
	if closed {
		pts = append(pts[:len(pts):len(pts)], pts[0])
	}
	out := []XY{jitter(pts[0], amp*0.5, r)}
	off := 0.0
	for i := 1; i < len(pts); i++ {
		a, b := pts[i-1], pts[i]
		dx, dy := b.X-a.X, b.Y-a.Y
		l := math.Hypot(dx, dy)
		n := max(1, int(l/step))
		nx, ny := -dy/max(l, 1e-9), dx/max(l, 1e-9)
		for j := 1; j <= n; j++ {
			t := float64(j) / float64(n)
			off = off*0.6 + r.between()*amp*0.4
			if j == n {
				off *= 0.5 // corners stay near where they were
			}
			out = append(out, XY{a.X + dx*t + nx*off, a.Y + dy*t + ny*off})
		}
	}
	if closed {
		out = out[:len(out)-1]
	}
	return out
}

func jitter(p XY, amp float64, r *rng) XY {
	return XY{p.X + r.between()*amp, p.Y + r.between()*amp}
}
