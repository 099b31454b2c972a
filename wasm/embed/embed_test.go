package embed

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
)

func TestParseView(t *testing.T) {
	for _, tc := range []struct{ name, in, want string }{
		{"defaults", "", ""},
		{"kinds kept in order, unknown dropped", "soorten=plek,fiets,talent,plek", "soorten=plek,talent"},
		{"all five is the default", "soorten=talent,verband,plek,verhaal,partner", ""},
		{"language", "taal=en", "taal=en"},
		{"unknown language", "taal=fr", ""},
		{"read-only", "toevoegen=nee", "toevoegen=nee"},
		{"no pins implies read-only", "pins=uit&toevoegen=ja", "pins=uit"},
		{"zoom clamped", "zoom=40", "zoom=8"},
		{"zoom 1 is the default", "zoom=1", ""},
		{"centre rounded to 6 decimals", "midden=4.30712345678,52.0681", "midden=4.307123,52.0681"},
		{"centre off Earth", "midden=400,52", ""},
		{"junk", "soorten=<script>&zoom=x&midden=a,b", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			q, _ := url.ParseQuery(tc.in)
			if got := ParseView(q).Query(); got != tc.want {
				t.Errorf("ParseView(%q).Query() = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestOembedHandler(t *testing.T) {
	h := NewHandler(&Options{Title: `Schilderswijk "<samen>"`})
	for _, tc := range []struct {
		name, target string
		header       map[string]string
		status       int
		src          string // the iframe's src, when 200
		w, h         int
	}{
		{name: "site root", target: "/oembed?url=http://kaart.test/&format=json", status: 200,
			src: "http://kaart.test/embed", w: 600, h: 560},
		{name: "format defaults to json", target: "/oembed?url=http://kaart.test/", status: 200,
			src: "http://kaart.test/embed", w: 600, h: 560},
		{name: "embed link keeps its options", target: "/oembed?url=" + url.QueryEscape("http://kaart.test/embed?soorten=talent,plek&taal=en&evil=1"),
			status: 200, src: "http://kaart.test/embed?soorten=talent,plek&amp;taal=en", w: 600, h: 560},
		{name: "relative url", target: "/oembed?url=%2F", status: 200, src: "http://kaart.test/embed", w: 600, h: 560},
		{name: "host case-insensitive", target: "/oembed?url=http://KAART.test/index.html", status: 200,
			src: "http://kaart.test/embed", w: 600, h: 560},
		{name: "https behind a proxy", target: "/oembed?url=https://kaart.test/", header: map[string]string{"X-Forwarded-Proto": "https"},
			status: 200, src: "https://kaart.test/embed", w: 600, h: 560},
		{name: "maxwidth keeps the aspect", target: "/oembed?url=/&maxwidth=300", status: 200, src: "http://kaart.test/embed", w: 300, h: 280},
		{name: "maxheight keeps the aspect", target: "/oembed?url=/&maxwidth=500&maxheight=256", status: 200, src: "http://kaart.test/embed", w: 274, h: 256},
		{name: "max larger than default", target: "/oembed?url=/&maxwidth=2000&maxheight=2000", status: 200, src: "http://kaart.test/embed", w: 600, h: 560},
		{name: "bad max ignored", target: "/oembed?url=/&maxwidth=-5&maxheight=abc", status: 200, src: "http://kaart.test/embed", w: 600, h: 560},
		{name: "other site", target: "/oembed?url=http://evil.test/", status: 404},
		{name: "other site that starts like ours", target: "/oembed?url=http://kaart.test.evil.test/", status: 404},
		{name: "not a map page", target: "/oembed?url=http://kaart.test/api/pins", status: 404},
		{name: "javascript url", target: "/oembed?url=" + url.QueryEscape("javascript:alert(1)"), status: 404},
		{name: "protocol-relative other host", target: "/oembed?url=//evil.test/", status: 404},
		{name: "xml", target: "/oembed?url=/&format=xml", status: 501},
		{name: "no url", target: "/oembed", status: 400},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := httptest.NewRequest("GET", "http://kaart.test"+tc.target, nil)
			for k, v := range tc.header {
				r.Header.Set(k, v)
			}
			w := httptest.NewRecorder()
			h.ServeHTTP(w, r)
			if w.Code != tc.status {
				t.Fatalf("status %d, want %d: %s", w.Code, tc.status, w.Body)
			}
			var a Answer
			if err := json.Unmarshal(w.Body.Bytes(), &a); err != nil {
				t.Fatalf("not JSON: %v: %s", err, w.Body)
			}
			if tc.status != 200 {
				return
			}
			want := fmt.Sprintf(`<iframe src="%s" width="%d" height="%d" title="Schilderswijk &#34;&lt;samen&gt;&#34; (buurtkaart)" allow="geolocation" loading="lazy" style="border:0;max-width:100%%"></iframe>`, tc.src, tc.w, tc.h)
			if a.HTML != want {
				t.Errorf("html\n got %s\nwant %s", a.HTML, want)
			}
			if a.Type != "rich" || a.Version != "1.0" || a.ProviderName != "buurtkaart" || a.Width != tc.w || a.Height != tc.h || a.Title != `Schilderswijk "<samen>"` {
				t.Errorf("answer %+v", a)
			}
			if ct := w.Header().Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
				t.Errorf("Content-Type %q", ct)
			}
		})
	}
}

func TestHeaders(t *testing.T) {
	for _, tc := range []struct {
		path      string
		ancestors string
		xfo       string
	}{
		{"/", "frame-ancestors 'none'", "DENY"},
		{"/index.html", "frame-ancestors 'none'", "DENY"},
		{"/api/pins", "frame-ancestors 'none'", "DENY"},
		{"/oembed", "frame-ancestors 'none'", "DENY"},
		{"/embed/", "frame-ancestors 'none'", "DENY"}, // not the embed page: a redirect at most
		{"/embed", "frame-ancestors *", ""},
		{"/embed.html", "frame-ancestors *", ""},
	} {
		w := httptest.NewRecorder()
		WithHeaders(http.NotFoundHandler()).ServeHTTP(w, httptest.NewRequest("GET", tc.path, nil))
		csp := w.Header().Get("Content-Security-Policy")
		if !strings.HasSuffix(csp, "; "+tc.ancestors) {
			t.Errorf("%s: CSP %q does not end in %q", tc.path, csp, tc.ancestors)
		}
		for _, d := range []string{"default-src 'none'", "script-src 'self' 'wasm-unsafe-eval'", "connect-src 'self'", "base-uri 'none'"} {
			if !strings.Contains(csp, d+";") {
				t.Errorf("%s: CSP %q lacks %q", tc.path, csp, d)
			}
		}
		if strings.Contains(csp, "unsafe-inline") || strings.Contains(csp, "'unsafe-eval'") {
			t.Errorf("%s: CSP %q allows inline code", tc.path, csp)
		}
		if got := w.Header().Get("X-Frame-Options"); got != tc.xfo {
			t.Errorf("%s: X-Frame-Options %q, want %q", tc.path, got, tc.xfo)
		}
	}
}

// TestHeadersFile checks that the Cloudflare _headers file says what
// Headers says, rule by rule.
func TestHeadersFile(t *testing.T) {
	rules := map[string][]string{}
	var cur string
	for _, line := range strings.Split(HeadersFile(), "\n") {
		switch {
		case line == "" || strings.HasPrefix(line, "#"):
		case !strings.HasPrefix(line, "  "):
			cur = line
		default:
			rules[cur] = append(rules[cur], strings.TrimSpace(line))
		}
	}
	want := func(path string, detach bool) []string {
		var out []string
		if detach {
			out = append(out, "! Content-Security-Policy", "! X-Frame-Options", "! X-Content-Type-Options", "! Referrer-Policy")
		}
		for _, h := range Headers(path) {
			out = append(out, h.Name+": "+h.Value)
		}
		return out
	}
	for pattern, w := range map[string][]string{"/*": want("/", false), "/embed": want("/embed", true), "/embed.html": want("/embed", true)} {
		if got := strings.Join(rules[pattern], "\n"); got != strings.Join(w, "\n") {
			t.Errorf("rule %s:\n%s\nwant\n%s", pattern, got, strings.Join(w, "\n"))
		}
	}
	if len(rules) != 3 {
		t.Errorf("%d rules, want 3", len(rules))
	}
}

func TestOembedUntitled(t *testing.T) {
	a, ok := Oembed("http://kaart.test", "/", 0, 0, nil)
	if !ok || !strings.Contains(a.HTML, ` title="buurtkaart" `) || a.Title != "buurtkaart" {
		t.Errorf("untitled map: %+v", a)
	}
}

func ExampleOembed() {
	a, _ := Oembed("https://kaart.example.nl", "https://kaart.example.nl/embed?soorten=plek", 400, 0, &Options{Title: "Schilderswijk"})
	fmt.Println(a.Width, a.Height)
	fmt.Println(a.HTML)
	// Output:
	// 400 373
	// <iframe src="https://kaart.example.nl/embed?soorten=plek" width="400" height="373" title="Schilderswijk (buurtkaart)" allow="geolocation" loading="lazy" style="border:0;max-width:100%"></iframe>
}
