package main

import (
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/buurtkaart/buurtkaart/wasm/embed"
)

// TestRoutesHeaders checks serve's routes: who may frame what, /embed
// answered by embed.html as at the edge, _headers not served, and the
// oEmbed endpoint mounted with the map's title.
func TestRoutesHeaders(t *testing.T) {
	dir := t.TempDir()
	for name, body := range map[string]string{"index.html": "app", "embed.html": "inset", "_headers": "/*", "style.css": "css"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	api := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, "pins") })
	h := routes(api, dir, &embed.Options{Title: "Schilderswijk"})
	for _, tc := range []struct {
		name, path string
		status     int
		body       string // a part of it
		framable   bool
	}{
		{"app", "/", 200, "app", false},
		{"embed page", "/embed?soorten=plek", 200, "inset", true},
		{"embed file", "/embed.html", 200, "inset", true},
		{"asset", "/style.css", 200, "css", false},
		{"pins API", "/api/pins", 200, "pins", false},
		{"oEmbed", "/oembed?url=%2F", 200, `title=\"Schilderswijk (buurtkaart)\"`, false},
		{"oEmbed other site", "/oembed?url=http://elders.example/", 404, "", false},
		{"edge config hidden", "/_headers", 404, "", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := httptest.NewRecorder()
			h.ServeHTTP(w, httptest.NewRequest("GET", "http://kaart.test"+tc.path, nil))
			if w.Code != tc.status || !strings.Contains(w.Body.String(), tc.body) {
				t.Fatalf("status %d, body %q; want %d with %q", w.Code, w.Body, tc.status, tc.body)
			}
			csp, xfo := w.Header().Get("Content-Security-Policy"), w.Header().Get("X-Frame-Options")
			if tc.framable && (!strings.HasSuffix(csp, "frame-ancestors *") || xfo != "") {
				t.Errorf("framable page: CSP %q, X-Frame-Options %q", csp, xfo)
			}
			if !tc.framable && (!strings.HasSuffix(csp, "frame-ancestors 'none'") || xfo != "DENY") {
				t.Errorf("CSP %q, X-Frame-Options %q: want no framing", csp, xfo)
			}
		})
	}
}
