package main

import (
	"context"
	"github.com/buurtkaart/buurtkaart/wasm/pins"
	"log"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// testServe is serve's handler (deployment) over the sample in a fresh
// store, the shared site a folder with a style sheet and the edge's
// _headers, and the moderator token given.
func testServe(t *testing.T, moderator string) http.Handler {
	t.Helper()
	db, m, data := sampleStore(t)
	if _, err := storeMap(context.Background(), db, "schilderswijk", m, data); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for name, body := range map[string]string{"_headers": "/*", "style.css": "css", "beheer.html": "workshop"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return deployment(db, site{out: dir}, "schilderswijk", pins.Options{ModeratorToken: moderator})
}

// TestRoutesHeaders checks serve's routes: who may frame what, the embed
// page answered at /embed as at the edge, _headers not served, the oEmbed
// endpoint with the map's title, the map at /<slug>/ and its old paths.
func TestRoutesHeaders(t *testing.T) {
	h := testServe(t, "")
	for _, tc := range []struct {
		name, path string
		status     int
		body       string // a part of it
		framable   bool
	}{
		{"one map: / is its page", "/", 200, `id="kaart"`, false},
		{"app", "/schilderswijk/", 200, `id="kaart"`, false},
		{"embed page", "/schilderswijk/embed?soorten=plek", 200, `<html lang="nl"`, true},
		{"embed page, old path", "/embed?soorten=plek", 200, `<html lang="nl"`, true},
		{"embed file", "/embed.html", 200, `<html lang="nl"`, true},
		{"asset", "/schilderswijk/style.css", 200, "css", false},
		{"asset, old path", "/style.css", 200, "css", false},
		{"workshop", "/schilderswijk/beheer", 200, "workshop", false},
		{"pins API", "/schilderswijk/api/pins", 200, `"features"`, false},
		{"pins API, old path", "/api/pins", 200, `"features"`, false},
		{"oEmbed", "/oembed?url=%2F", 200, `title=\"Schilderswijk — wat we hier hebben (buurtkaart)\"`, false},
		{"oEmbed other site", "/oembed?url=http://elders.example/", 404, "", false},
		{"edge config hidden", "/_headers", 404, "", false},
		{"a page's build copy", "/schilderswijk/index.html.br", 404, "", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := httptest.NewRecorder()
			h.ServeHTTP(w, httptest.NewRequest("GET", "http://kaart.test"+tc.path, nil))
			got := w.Body.String() + w.Header().Get("Location")
			if w.Code != tc.status || !strings.Contains(got, tc.body) {
				t.Fatalf("status %d, body %.200q; want %d with %q", w.Code, got, tc.status, tc.body)
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

// TestSiteFilesPublic: the review listed /fonts/ and /icons/ and fetched
// /.wasm-sources. Folders answer only with their index.html and dotfiles
// not at all, as at the edge.
func TestSiteFilesPublic(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"index.html", "fonts/hand.woff2", "icons/plek.svg", ".wasm-sources", ".git/config", "docs/index.html"} {
		if err := os.MkdirAll(filepath.Join(dir, filepath.Dir(name)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), []byte("file "+name), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	h := siteFiles(dir)
	for _, tc := range []struct {
		path   string
		status int
	}{
		{"/", 200},
		{"/fonts/hand.woff2", 200},
		{"/icons/plek.svg", 200},
		{"/docs/", 200}, // a folder with its own index.html
		{"/fonts/", 404},
		{"/fonts", 404},
		{"/icons/", 404},
		{"/.wasm-sources", 404},
		{"/.git/config", 404},
		{"/.git/", 404},
		{"/fonts/../.wasm-sources", 404},
		{"/%2Ewasm-sources", 404},
	} {
		w := httptest.NewRecorder()
		h.ServeHTTP(w, httptest.NewRequest("GET", "http://kaart.test"+tc.path, nil))
		if w.Code != tc.status {
			t.Errorf("GET %s: %d %q, want %d", tc.path, w.Code, w.Body, tc.status)
		}
		if tc.status == 404 && strings.Contains(w.Body.String(), "file ") {
			t.Errorf("GET %s showed %q", tc.path, w.Body)
		}
	}
}

// TestLogEscapesPath: a path with a newline and terminal escapes is one log
// line, without the raw control bytes (the review forged log lines with
// "%0A" and coloured the terminal with "%1B[31m").
func TestLogEscapesPath(t *testing.T) {
	var buf strings.Builder
	log.SetOutput(&buf)
	defer log.SetOutput(os.Stderr)
	h := testServe(t, "")
	forged := "/x%0D%0A2026/01/01%2000:00:00%20GET%20/api/pins%20201%201ms%0A%1B[31mrood%1B[0m"
	h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", "http://kaart.test"+forged, nil))
	got := buf.String()
	if strings.Count(got, "\n") != 1 || strings.ContainsAny(got, "\r\x1b") {
		t.Fatalf("log %q: want one line without control characters", got)
	}
	if !strings.Contains(got, "%0A") || !strings.Contains(got, "%1B") {
		t.Errorf("log %q: want the escapes shown percent-encoded", got)
	}
}
