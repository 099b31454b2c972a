package embed

import "strings"

// Header is one HTTP response header.
type Header struct{ Name, Value string }

// policy is the Content-Security-Policy of every page, without its
// frame-ancestors: exactly what the map uses. The drawn map is inline SVG
// without style attributes and the page has no inline scripts, so neither
// needs 'unsafe-inline'; the Go core needs 'wasm-unsafe-eval' to compile;
// pins and the map file are fetched from the same origin; images are the
// icon and data: URLs; frame-src 'self' is the embed preview in the app
// (the embed page itself frames nothing); worker-src and manifest-src are
// for the service worker and manifest the design plans, same origin only.
var policy = []string{
	"default-src 'none'",
	"script-src 'self' 'wasm-unsafe-eval'",
	"style-src 'self'",
	"img-src 'self' data:",
	"font-src 'self'",
	"connect-src 'self'",
	"frame-src 'self'",
	"manifest-src 'self'",
	"worker-src 'self'",
	"base-uri 'none'",
	"form-action 'none'", // the pin form is method="dialog": it never submits to a URL
}

// Headers are the security headers for a response to path. The embed page
// may be framed by any site; everything else by none, also in browsers
// that only know X-Frame-Options.
func Headers(path string) []Header {
	common := []Header{
		{"X-Content-Type-Options", "nosniff"},
		{"Referrer-Policy", "strict-origin-when-cross-origin"},
	}
	if IsEmbed(path) {
		return append([]Header{{"Content-Security-Policy", csp(true)}}, common...)
	}
	return append([]Header{
		{"Content-Security-Policy", csp(false)},
		{"X-Frame-Options", "DENY"},
	}, common...)
}

// IsEmbed reports whether path is the embeddable page, of the default map
// (/embed) or of any map (/<slug>/embed).
func IsEmbed(path string) bool {
	// a map of a deployment of many: /<slug>/embed
	if i := strings.Index(path[min(1, len(path)):], "/"); i >= 0 && strings.Count(path, "/") == 2 {
		path = path[i+1:]
	}
	return path == Path || path == Path+".html"
}

// csp is the policy for the app (framed by no one; it frames its own
// embed preview) or for the embed page (framed by anyone; frames nothing).
func csp(embed bool) string {
	var out []string
	for _, d := range policy {
		if !(embed && d == "frame-src 'self'") {
			out = append(out, d)
		}
	}
	if embed {
		return strings.Join(append(out, "frame-ancestors *"), "; ")
	}
	return strings.Join(append(out, "frame-ancestors 'none'"), "; ")
}

// HeadersFile is the same headers as a Cloudflare `_headers` file, for the
// static assets the Worker never sees. Rules that match one path are
// merged, so the embed rules first detach (`! Name`) what `/*` set.
func HeadersFile() string {
	var b strings.Builder
	b.WriteString("# Written by `buurtkaart build` from wasm/embed/headers.go; edit that, not this.\n")
	rule := func(pattern string, hs []Header, detach []string) {
		b.WriteString(pattern + "\n")
		for _, name := range detach {
			b.WriteString("  ! " + name + "\n")
		}
		for _, h := range hs {
			b.WriteString("  " + h.Name + ": " + h.Value + "\n")
		}
	}
	page := Headers("/")
	rule("/*", page, nil)
	for _, p := range []string{Path, Path + ".html"} {
		var names []string
		for _, h := range page {
			names = append(names, h.Name)
		}
		rule(p, Headers(p), names)
	}
	return b.String()
}
