package sketch

import "strings"

// digitParts are handwritten figures 0–9 as open strokes around (0, 0),
// 4 units wide and 7 high: cluster counts are drawn with them, as one plate,
// instead of as <text>. A count as text is laid out by the browser again on
// every redraw (574 counts on a 10,000-place map cost ~15 ms of layout per
// frame in Chromium); a count as a stroke is paint only, and prints the same.
var digitParts = [10]string{
	`M0-3.5Q2-3.5 2 0Q2 3.5 0 3.5Q-2 3.5-2 0Q-2-3.5 0-3.5Z`,
	`M-1-2.2L0.4-3.5L0.4 3.5`,
	`M-1.8-2.2Q-1.2-3.6 0.3-3.5Q2-3.3 1.7-1.6Q1.3-0.2-1.9 3.5L2 3.4`,
	`M-1.8-3.1Q0-4.1 1.4-2.9Q2.1-1.5 0-0.3Q2.3 0.2 1.8 2.3Q0.8 4-1.9 3`,
	`M0.9 3.5L0.9-3.5L-2 1.2L2.1 1.1`,
	`M1.8-3.5L-1.3-3.4L-1.6-0.5Q0.2-1.3 1.4-0.4Q2.3 1.1 1.4 2.7Q-0.1 4-1.9 2.8`,
	`M1.4-3.2Q-0.4-4-1.5-2Q-2.3 0-1.7 2Q-1 3.6 0.4 3.5Q1.9 3.3 1.9 1.5Q1.8-0.2 0.2-0.2Q-1.3-0.1-1.8 1.2`,
	`M-1.9-3.4L2-3.5Q0 0-0.6 3.5`,
	`M0-0.2Q-1.8-0.9-1.6-2.2Q-1.3-3.5 0-3.5Q1.4-3.5 1.6-2.2Q1.7-0.9 0-0.2Q-2 0.5-1.9 1.9Q-1.7 3.5 0 3.5Q1.8 3.5 1.9 1.9Q1.9 0.5 0-0.2Z`,
	`M1.8-1.3Q1.2 0-0.2-0.1Q-1.9-0.3-1.8-1.9Q-1.5-3.5 0-3.5Q1.8-3.4 1.8-1.3Q1.9 1.5 1.1 2.6Q0 4-1.6 3`,
}

// digitAdvance is the distance between the centres of two figures.
const digitAdvance = 5.2

// writeNumber appends the figures of n (digits only; anything else is
// skipped) to b, centred on (x, y), at scale s. Long numbers are drawn
// smaller so they stay inside a cluster's circle (20 units across).
func writeNumber(b *strings.Builder, n string, scale, x, y float64) {
	if len(n) > 3 {
		scale *= 3.0 / float64(len(n))
	}
	x -= float64(len(n)-1) * digitAdvance * scale / 2
	for i := 0; i < len(n); i++ {
		if c := n[i]; c >= '0' && c <= '9' {
			place(b, digitParts[c-'0'], scale, x+float64(i)*digitAdvance*scale, y)
		}
	}
}
