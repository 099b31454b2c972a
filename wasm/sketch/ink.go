package sketch

import "math"

// ink is the hand: a small PRNG seeded by a feature's id, so every wobble
// is the same on every run and host (splitmix64 over an FNV-1a hash).
type ink struct{ s uint64 }

func newInk(id string) *ink {
	h := uint64(14695981039346656037)
	for i := 0; i < len(id); i++ {
		h ^= uint64(id[i])
		h *= 1099511628211
	}
	return &ink{h}
}

func (r *ink) next() uint64 {
	r.s += 0x9e3779b97f4a7c15
	z := r.s
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}

// between returns a number in [a, b).
func (r *ink) between(a, b float64) float64 {
	return a + (b-a)*float64(r.next()>>11)/(1<<53)
}

// wobble redraws a line the way a hand draws it: split into steps of about
// step units, each point pushed sideways by a smoothly wandering offset of
// at most amp units. The ends stay within amp/2 of where they were, so
// streets still meet at their crossings.
func wobble(pts []XY, r *ink, amp, step float64) []XY {
	if len(pts) < 2 {
		return pts
	}
	out := []XY{jitter(pts[0], r, amp/2)}
	off := 0.0
	for i := 1; i < len(pts); i++ {
		a, b := pts[i-1], pts[i]
		dx, dy := b.X-a.X, b.Y-a.Y
		l := math.Hypot(dx, dy)
		if l == 0 {
			continue
		}
		nx, ny := -dy/l, dx/l
		n := max(1, int(l/step))
		for k := 1; k < n; k++ {
			t := float64(k) / float64(n)
			off = off*0.7 + r.between(-amp, amp)*0.3
			out = append(out, XY{a.X + dx*t + nx*off, a.Y + dy*t + ny*off})
		}
		if i < len(pts)-1 {
			out = append(out, jitter(b, r, amp/3))
		}
	}
	return append(out, jitter(pts[len(pts)-1], r, amp/2))
}

func jitter(p XY, r *ink, amp float64) XY {
	return XY{p.X + r.between(-amp, amp), p.Y + r.between(-amp, amp)}
}

// Wobble redraws the line through pts as the hand draws it, in steps of
// about step units drifting at most amp sideways, the same way every time
// for the same seed: what a medium draws by hand outside the map (a
// poster's frame and rules) wobbles like the map's own lines.
func Wobble(pts []XY, seed string, amp, step float64) []XY {
	return wobble(pts, newInk(seed), amp, step)
}
