package sketch

import "strings"

// The pictograms, drawn by hand around (0,0) within about 6.5 units. Each
// kind has its own silhouette — star, three heads, house, speech bubble,
// pillared building — so they still differ on a black-and-white print; the
// fill colour (from CSS, by kind class) is a second cue, never the only one.
// Common places get their own sign inside a round badge in their kind's colour.
//
// An icon is a list of parts: filled outlines and ink-only lines ("lijn").
// Path data uses only absolute M, L, H, V, Q, A and Z, so plate.go can place
// copies of it by rewriting numbers.
type iconPart struct {
	d    string
	line bool // ink only, no fill
}

const badgeRing = `M0-6.6Q4.6-6.7 6.5-1.9Q6.9 3.8 1.7 6.4Q-3.9 7.3-6.3 2.6Q-7.1-3.4-2.3-6.1Z`

var iconParts = map[string][]iconPart{
	"k-talent":  {{d: `M0-6.3L1.7-2.1 6.1-1.8 2.7 1.1 3.8 5.7 0 3.1-3.7 5.8-2.6 1.2-6.2-1.7-1.8-2.2Z`}},
	"k-verband": {{d: circle(-3.1, 2.1, 2.5) + circle(3.2, 2, 2.4) + circle(0, -3.1, 2.6)}},
	"k-plek":    {{d: `M-5.1 5.3L-5.3-0.9 0.1-5.9 5.2-1.1 5.1 5.2Z`}},
	"k-verhaal": {{d: `M-5.8-4.4Q-6-5.3-5-5.4L5-5.5Q6-5.4 5.9-4.4L5.7 1.8Q5.6 2.9 4.6 2.8L-0.4 2.9-3.9 6.1-3 2.9-4.9 3Q-5.9 2.8-5.8 1.9Z`}},
	"k-partner": {{d: `M-6.3-1.3L0-6.1 6.2-1.4ZM-5.4-1.3H5.4V4.9H-5.4Z`}, {d: `M-2.7-1V4.6M0-1V4.6M2.7-1V4.6`, line: true}},
	// A resident's pin carries its kind's pictogram on a small pin foot.
	"p-voet":      {{d: `M0 13.2L-2.7 7.3Q0 6 2.8 7.4Z`}},
	"klont":       {{d: `M0-10.2Q7.4-10.4 10-3.1Q10.8 6 2.9 9.9Q-6.1 11.2-9.8 3.9Q-11-5.3-3.4-9.5Z`}, {d: `M-6.8-5.2Q-1.2-9.6 5.1-6.6`, line: true}},
	"i-bankje":    badge(`M-5.2 0.4H5.3M-4.9-2.6H4.8M-3.9 0.4V4M4 0.4V4`),
	"i-markt":     badge(`M-4.6-1.4L-3.7-4.6H3.8L4.6-1.4M-4.6-1.4Q-3.7 0.2-2.8-1.4Q-1.9 0.2-0.9-1.4Q0 0.2 0.9-1.4Q1.9 0.2 2.8-1.4Q3.7 0.2 4.6-1.4M-3.9-0.4V4.4M3.9-0.4V4.4`),
	"i-moestuin":  badge(`M0 4.6V-0.8M0 0Q-4.3-0.4-3.9-4Q-0.4-3.6 0 0M0-0.9Q3.9-1.3 3.5-4.8Q0-4.4 0-0.9`),
	"i-speeltuin": badge(`M-4.6 4.5L-2.6-4.3H2.7L4.6 4.5M-1.3-4.3V1.8M1.4-4.3V1.8M-2 1.9H2.1`),
	"i-moskee":    badge(`M-4.4 4.3V0.6Q-4.3-3.4-0.9-3.9Q2.5-3.4 2.6 0.6V4.3ZM4.4 4.3V-3.6M4.4-3.6L4.4-5`),
	"i-kerk":      badge(`M-3.1 4.5V-0.4L0-3.2 3.1-0.4V4.5ZM0-3.2V-5.9M-1.1-4.9H1.1`),
	"i-winkel":    badge(`M-3.9-1.2H3.9L3.5 4.4H-3.5ZM-1.7-1.2Q-1.8-4.4 0-4.4Q1.8-4.4 1.7-1.2`),
	"i-bieb":      badge(`M0-3Q-2.6-4.5-5-3.3V3.6Q-2.6 2.4 0 3.6Q2.6 2.4 5 3.6V-3.3Q2.6-4.5 0-3ZM0-3V3.6`),
	"i-boom":      badge(`M0 4.6V0.6M0 2.4L-1.5 1M-3.4-0.9Q-4.4-4.1-1.2-4.6Q0.4-5.6 2-4.4Q4.7-3.6 3.4-0.7Q2.5 1.1 0 0.6Q-2.3 1.1-3.4-0.9Z`),
}

// iconOrder fixes the order icons are written in, so output is stable.
var iconOrder = []string{"k-talent", "k-verband", "k-plek", "k-verhaal", "k-partner",
	"i-bankje", "i-markt", "i-moestuin", "i-speeltuin", "i-moskee", "i-kerk", "i-winkel", "i-bieb", "i-boom", "p-voet", "klont"}

// badge is a round sign: the kind colour in the circle, the sign in ink.
func badge(sign string) []iconPart {
	return []iconPart{{d: badgeRing}, {d: sign, line: true}}
}

// circle is a circle as path data: two arcs.
func circle(cx, cy, r float64) string {
	return "M" + num(cx-r) + " " + num(cy) + "A" + num(r) + " " + num(r) + " 0 1 0 " + num(cx+r) + " " + num(cy) +
		"A" + num(r) + " " + num(r) + " 0 1 0 " + num(cx-r) + " " + num(cy) + "Z"
}

// icons are the symbols as SVG defs, for the few things still drawn with
// <use>: the legend, the pin form's buttons and residents' pins.
var icons = func() string {
	var b strings.Builder
	b.WriteString("<defs>")
	for _, id := range iconOrder {
		b.WriteString(`<g id="` + id + `">`)
		for _, p := range iconParts[id] {
			if p.line {
				b.WriteString(`<path class="lijn" d="` + p.d + `"/>`)
			} else {
				b.WriteString(`<path d="` + p.d + `"/>`)
			}
		}
		b.WriteString("</g>")
	}
	b.WriteString("</defs>")
	return b.String()
}()

// IconPart is one part of a pictogram: an outline filled in its kind's
// colour, or a line in ink only. D is SVG path data around (0, 0), within
// about markRadius: place it with Transform.
type IconPart struct {
	D    string
	Line bool
}

// Icon returns the parts of the pictogram id (see Pictogram; "p-voet" is a
// resident's pin's foot, "klont" a cluster's lump).
func Icon(id string) []IconPart {
	out := make([]IconPart, len(iconParts[id]))
	for i, p := range iconParts[id] {
		out[i] = IconPart{D: p.d, Line: p.line}
	}
	return out
}

// MarkRadius is the half-size of a pictogram at scale 1, in drawing units.
const MarkRadius = markRadius

// Transform writes path data d (absolute M, L, H, V, Q, A and Z only, as
// the pictograms are) scaled by s about (0, 0) and moved to (x, y): how a
// medium puts a pictogram, or a whole plate of them, where it draws.
func Transform(d string, s, x, y float64) string {
	var b strings.Builder
	place(&b, d, s, x, y)
	return b.String()
}
