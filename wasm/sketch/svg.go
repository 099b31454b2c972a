package sketch

import (
	"bufio"
	"cmp"
	"io"
	"math"
	"strconv"
	"strings"
)

// WriteSVG writes d as a standalone SVG element. The output depends only on
// d: numbers have one decimal, text is escaped, nothing else is added.
func WriteSVG(w io.Writer, d *Drawing) error {
	b := bufio.NewWriter(w)
	class := "kaart"
	if d.Phone {
		class += " met-smal"
	}
	b.WriteString(`<svg xmlns="http://www.w3.org/2000/svg" id="kaart" class="` + class + `" viewBox="0 0 `)
	b.WriteString(num(d.Width) + " " + num(d.Height) + `" role="img" aria-labelledby="kaart-titel">`)
	b.WriteString(`<title id="kaart-titel">` + esc(d.Title) + `</title>`)
	b.WriteString(icons)
	for _, g := range d.Groups {
		writeGroup(b, g)
	}
	b.WriteString("</svg>")
	return b.Flush()
}

// WriteGroup writes one group: the browser replaces the "pins" group with it.
func WriteGroup(w io.Writer, g Group) error {
	b := bufio.NewWriter(w)
	writeGroup(b, g)
	return b.Flush()
}

func writeGroup(b *bufio.Writer, g Group) {
	b.WriteString("<g")
	attr(b, "id", g.ID)
	attr(b, "class", g.Class)
	if g.N != 0 {
		attr(b, "data-n", strconv.Itoa(g.N))
	}
	b.WriteString(">")
	for _, it := range g.Items {
		switch it := it.(type) {
		case Path:
			b.WriteString(`<path`)
			attr(b, "class", it.Class)
			if it.Width > 0 {
				attr(b, "stroke-width", num(it.Width))
			}
			d := pathData(it.Pts, it.Closed, it.Smooth)
			for _, st := range it.Strokes {
				d += pathData(st, false, false)
			}
			b.WriteString(` d="` + d + `"/>`)
		case Plate:
			b.WriteString(`<path`)
			attr(b, "class", it.Class)
			b.WriteString(` d="` + it.D + `"/>`)
		case Text:
			if it.Angle != 0 || it.Scale != 0 {
				// Turned or sized: where it is goes into the transform, so
				// the page's font size (by class, for the zoom) still holds.
				for i, v := range [...]float64{it.At.X, it.At.Y, it.Angle, cmp.Or(it.Scale, 1)} {
					b.WriteString([...]string{`<text transform="translate(`, " ", `) rotate(`, `) scale(`}[i])
					b.WriteString(num(v))
				}
				b.WriteString(`)"`)
			} else {
				b.WriteString(`<text x="` + num(it.At.X) + `" y="` + num(it.At.Y) + `"`)
			}
			attr(b, "class", it.Class)
			if it.Anchor != "start" && it.Anchor != "" {
				attr(b, "text-anchor", it.Anchor)
			}
			b.WriteString(">" + esc(it.S))
			for _, l := range it.Lines {
				b.WriteString(`<tspan x="` + num(it.At.X) + `" dy="` + num(l.DY) + `"`)
				attr(b, "class", l.Class)
				b.WriteString(">" + esc(l.S) + "</tspan>")
			}
			b.WriteString("</text>")
		}
	}
	b.WriteString("</g>")
}

func attr(b *bufio.Writer, name, value string) {
	if value != "" {
		b.WriteString(" " + name + `="` + esc(value) + `"`)
	}
}

// escaper escapes text for SVG content and attribute values. The html
// package would do the same but brings a 2,000-entry entity table (~50 KB
// of wasm) it needs only for unescaping.
var escaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&#34;", "'", "&#39;")

func esc(s string) string { return escaper.Replace(s) }

// PathData writes pts as SVG path data, numbers to one decimal: a
// polyline (or polygon when closed), or when smooth the curves a pen draws
// through them (curveData). Every medium writes the drawing's lines with it.
func PathData(pts []XY, closed, smooth bool) string { return pathData(pts, closed, smooth) }

func pathData(pts []XY, closed, smooth bool) string {
	if smooth && len(pts) > 2 {
		return curveData(pts, closed)
	}
	var sb strings.Builder
	for i, p := range pts {
		if i == 0 {
			sb.WriteByte('M')
		} else {
			sb.WriteByte('L')
		}
		sb.WriteString(num(p.X) + " " + num(p.Y))
	}
	if closed {
		sb.WriteByte('Z')
	}
	return sb.String()
}

// num formats a coordinate with one decimal, a tenth of a unit being far
// below what the eye sees, and drops a trailing ".0".
func num(v float64) string {
	var buf [24]byte
	return string(appendNum(buf[:0], v))
}

// appendNum appends v rounded to one decimal, shortest form ("12", "12.5",
// "-0.8", never "-0"): what strconv.FormatFloat(math.Round(v*10)/10, 'f',
// -1, 64) writes, in integers, without allocating (the marks of a redraw
// write ~200,000 numbers). NaN, which no path may hold, is written as 0.
func appendNum(b []byte, v float64) []byte {
	n := math.Round(v * 10)
	if n == 0 || n != n {
		return append(b, '0')
	}
	if math.Abs(n) >= 1e15 { // beyond exact integers: the slow, general way
		return strconv.AppendFloat(b, n/10, 'f', -1, 64)
	}
	i := int64(n)
	if i < 0 {
		b, i = append(b, '-'), -i
	}
	b = strconv.AppendInt(b, i/10, 10)
	if f := i % 10; f != 0 {
		b = append(b, '.', byte('0'+f))
	}
	return b
}

// curveData draws a smooth line through pts: straight to the first
// midpoint, then quadratic curves with each point as control and the next
// midpoint as end — the way a pen rounds the corners of a wobble.
func curveData(pts []XY, closed bool) string {
	var sb strings.Builder
	mid := func(a, b XY) XY { return XY{(a.X + b.X) / 2, (a.Y + b.Y) / 2} }
	n := len(pts)
	if closed {
		m := mid(pts[n-1], pts[0])
		sb.WriteString("M" + num(m.X) + " " + num(m.Y))
		for i := 0; i < n; i++ {
			c, e := pts[i], mid(pts[i], pts[(i+1)%n])
			sb.WriteString("Q" + num(c.X) + " " + num(c.Y) + " " + num(e.X) + " " + num(e.Y))
		}
		return sb.String() + "Z"
	}
	sb.WriteString("M" + num(pts[0].X) + " " + num(pts[0].Y))
	for i := 1; i < n-1; i++ {
		c, e := pts[i], mid(pts[i], pts[i+1])
		sb.WriteString("Q" + num(c.X) + " " + num(c.Y) + " " + num(e.X) + " " + num(e.Y))
	}
	return sb.String() + "L" + num(pts[n-1].X) + " " + num(pts[n-1].Y)
}
