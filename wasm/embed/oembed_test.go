package embed

import (
	"encoding/json"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
)

// TestOembedHost: a request's Host header ("evil.example") never becomes
// the provider_url or the frame's address when the public URL is known;
// when it is not, the answer follows the Host but is marked for the asker
// alone, so no shared cache hands it to others.
func TestOembedHost(t *testing.T) {
	tests := []struct {
		name        string
		opts        *Options
		page        string
		wantOrigin  string
		wantPrivate bool
	}{
		{"configured", &Options{URL: "https://kaart.example.nl/"}, "https://kaart.example.nl/", "https://kaart.example.nl", false},
		{"configured, page on the Host", &Options{URL: "https://kaart.example.nl/"}, "http://evil.example/", "", false},
		{"none configured", nil, "http://evil.example/", "http://evil.example", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req := httptest.NewRequest("GET", "/oembed?format=json&url="+url.QueryEscape(tt.page), nil)
			req.Host = "evil.example"
			rec := httptest.NewRecorder()
			NewHandler(tt.opts).ServeHTTP(rec, req)
			var a Answer
			json.Unmarshal(rec.Body.Bytes(), &a)
			switch {
			case tt.wantOrigin == "" && rec.Code != 404:
				t.Errorf("%d, want 404: a page on another host than the map's", rec.Code)
			case tt.wantOrigin != "" && (a.ProviderURL != tt.wantOrigin+"/" || !strings.Contains(a.HTML, `src="`+tt.wantOrigin+`/embed"`)):
				t.Errorf("provider_url %q, html %s; want %s", a.ProviderURL, a.HTML, tt.wantOrigin)
			case tt.opts != nil && strings.Contains(rec.Body.String(), "evil.example"):
				t.Errorf("the answer names the request's Host: %s", rec.Body)
			}
			private := strings.Contains(rec.Header().Get("Cache-Control"), "private") && strings.Contains(rec.Header().Get("Vary"), "Host")
			if private != tt.wantPrivate {
				t.Errorf("Cache-Control %q, Vary %q: private %v, want %v", rec.Header().Get("Cache-Control"), rec.Header().Get("Vary"), private, tt.wantPrivate)
			}
		})
	}
}
