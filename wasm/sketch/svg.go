package sketch

import (
	"bufio"
	"io"
	"math"
	"strconv"
	"strings"
)

// marks are the pictograms of the five kinds, drawn around (0,0) within
// markRadius. Each has its own shape so they differ in black-and-white print.
const marks = `<defs>` +
	`<circle id="k-talent" r="5"/>` +
	`<path id="k-verband" d="M0-5.5L5.2 4H-5.2Z"/>` +
	`<rect id="k-plek" x="-4.3" y="-4.3" width="8.6" height="8.6"/>` +
	`<path id="k-verhaal" d="M0-5.6L5.6 0 0 5.6-5.6 0Z"/>` +
	`<path id="k-partner" d="M0-5.3L5 -1.6 3.1 4.3H-3.1L-5-1.6Z"/>` +
	`</defs>`

// WriteSVG writes d as a standalone SVG element. The output depends only on
// d: numbers have one decimal, text is escaped, nothing else is added.
func WriteSVG(w io.Writer, d *Drawing) error {
	b := bufio.NewWriter(w)
	b.WriteString(`<svg xmlns="http://www.w3.org/2000/svg" id="kaart" class="kaart" viewBox="0 0 `)
	b.WriteString(num(d.Width) + " " + num(d.Height) + `" role="img" aria-labelledby="kaart-titel">`)
	b.WriteString(`<title id="kaart-titel">` + esc(d.Title) + `</title>`)
	b.WriteString(marks)
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
	b.WriteString(">")
	for _, it := range g.Items {
		switch it := it.(type) {
		case Path:
			b.WriteString(`<path`)
			attr(b, "class", it.Class)
			b.WriteString(` d="` + pathData(it.Pts, it.Closed) + `"/>`)
		case Text:
			b.WriteString(`<text x="` + num(it.At.X) + `" y="` + num(it.At.Y) + `"`)
			attr(b, "class", it.Class)
			if it.Anchor != "start" && it.Anchor != "" {
				attr(b, "text-anchor", it.Anchor)
			}
			b.WriteString(">" + esc(it.S) + "</text>")
		case Mark:
			b.WriteString(`<use href="#k-` + esc(string(it.Kind)) + `" x="` + num(it.At.X) + `" y="` + num(it.At.Y) + `"`)
			attr(b, "class", strings.TrimSpace(it.Class+" "+string(it.Kind)))
			attr(b, "data-id", it.ID)
			if it.Title != "" {
				b.WriteString("><title>" + esc(it.Title) + "</title></use>")
			} else {
				b.WriteString("/>")
			}
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

func pathData(pts []XY, closed bool) string {
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
	v = math.Round(v*10) / 10
	if v == 0 {
		v = 0 // no "-0"
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}
