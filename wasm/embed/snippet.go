package embed

import (
	"strconv"
	"strings"
)

// Frame is an <iframe> of the /embed page, ready to paste.
type Frame struct {
	Src           string // the /embed URL with its options
	Title         string // read out by screen readers; required by WCAG 4.1.2
	Width, Height int    // CSS pixels
}

// HTML writes f as one <iframe> element. geolocation is allowed so a
// resident on a walk can drop a pin where they stand; loading="lazy" keeps
// a map below the fold from costing the host page ~1 MB of wasm up front;
// max-width:100% lets it shrink on a phone instead of overflowing.
func (f Frame) HTML() string {
	var b strings.Builder
	b.WriteString(`<iframe src="` + esc(f.Src) + `"`)
	b.WriteString(` width="` + strconv.Itoa(f.Width) + `" height="` + strconv.Itoa(f.Height) + `"`)
	b.WriteString(` title="` + esc(f.Title) + `"`)
	b.WriteString(` allow="geolocation" loading="lazy" style="border:0;max-width:100%"></iframe>`)
	return b.String()
}

// escaper escapes text for an HTML attribute value. The html package would
// do the same; this keeps the Worker's wasm from carrying its entity table.
var escaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&#34;", "'", "&#39;")

func esc(s string) string { return escaper.Replace(s) }
