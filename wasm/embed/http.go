package embed

import (
	"encoding/json"
	"net/http"
	"strconv"
	"strings"
)

// Handler answers oEmbed requests (GET /oembed?url=…&maxwidth=…&maxheight=…&format=json).
type Handler struct{ Options *Options }

// NewHandler returns the oEmbed handler; o may be nil for defaults.
func NewHandler(o *Options) Handler { return Handler{Options: o} }

func (h Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	// Consumers (WordPress, chat apps, iframely) fetch from their servers;
	// browser-side ones need CORS. The answer is public.
	w.Header().Set("Access-Control-Allow-Origin", "*")
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		refuse(w, http.StatusMethodNotAllowed, "method", "Alleen GET.", "GET only.")
		return
	}
	q := r.URL.Query()
	if f := q.Get("format"); f != "" && f != "json" {
		refuse(w, http.StatusNotImplemented, "format", "Alleen JSON.", "only format=json is implemented")
		return
	}
	page := q.Get("url")
	if page == "" {
		refuse(w, http.StatusBadRequest, "missing_url", "Geef een url mee.", "the url parameter is required")
		return
	}
	a, ok := Oembed(h.Options.origin(w, r), page, positive(q.Get("maxwidth")), positive(q.Get("maxheight")), h.Options)
	if !ok {
		refuse(w, http.StatusNotFound, "not_found", "Deze link is geen kaart van deze site.", "not a map page of this site")
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	json.NewEncoder(w).Encode(a)
}

// Origin is the site's public origin as the client sees it: the Host
// header and, behind a proxy that ends TLS, X-Forwarded-Proto. A client
// that lies in either only gets a snippet pointing elsewhere back itself.
func Origin(r *http.Request) string {
	scheme := "http"
	switch p := strings.ToLower(r.Header.Get("X-Forwarded-Proto")); {
	case p == "https" || p == "http":
		scheme = p
	case r.URL.Scheme == "https" || r.TLS != nil:
		scheme = "https"
	}
	host := r.Host
	if host == "" {
		host = r.URL.Host
	}
	return scheme + "://" + host
}

// WithHeaders sets the security headers (Headers) on every answer of h.
func WithHeaders(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		for _, hd := range Headers(r.URL.Path) {
			w.Header().Set(hd.Name, hd.Value)
		}
		h.ServeHTTP(w, r)
	})
}

func positive(s string) int {
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 {
		return 0
	}
	return n
}

func refuse(w http.ResponseWriter, status int, code, nl, en string) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(map[string]any{"error": map[string]string{"code": code, "nl": nl, "en": en}})
}
