// Package download hands out the map for other tools, from the running
// site: /export.geojson, .csv, .gpx and .kml, with the residents' pins as
// the public sees them. One http.Handler for both hosts: `serve` reads the
// map from its build folder, the Worker from its static assets.
package download

import (
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"path"
	"strings"

	"github.com/buurtkaart/buurtkaart/wasm/atlas"
	"github.com/buurtkaart/buurtkaart/wasm/exchange"
	"github.com/buurtkaart/buurtkaart/wasm/pin"
)

// Formats are the downloads offered, with their media types.
var Formats = map[string]string{
	"geojson": "application/geo+json",
	"csv":     "text/csv; charset=utf-8",
	"gpx":     "application/gpx+xml",
	"kml":     "application/vnd.google-earth.kml+xml",
}

// MapSource returns the map file's bytes.
type MapSource func(ctx context.Context) ([]byte, error)

// NewHandler serves /export.<format>. The pins come through the pins API
// itself (GET /api/pins on api), so hidden pins and names given without
// consent cannot slip into a download.
func NewHandler(source MapSource, api http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		to := strings.TrimPrefix(path.Ext(r.URL.Path), ".")
		if Formats[to] == "" || path.Base(r.URL.Path) != "export."+to {
			http.NotFound(w, r)
			return
		}
		data, err := source(r.Context())
		if err != nil {
			http.Error(w, "download: the map is not available", http.StatusServiceUnavailable)
			return
		}
		m, _ := atlas.Parse(data, nil)
		if m == nil {
			http.Error(w, "download: the map file cannot be read", http.StatusInternalServerError)
			return
		}
		rec := httptest.NewRecorder()
		api.ServeHTTP(rec, httptest.NewRequestWithContext(r.Context(), http.MethodGet, "/api/pins", nil))
		ps, err := pin.ParseCollection(rec.Body.Bytes())
		if rec.Code != http.StatusOK || err != nil {
			http.Error(w, "download: pins unavailable", http.StatusServiceUnavailable)
			return
		}
		var buf bytes.Buffer
		if _, err := exchange.Export(&buf, exchange.WithPins(m, ps), exchange.Format(to)); err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		w.Header().Set("Content-Type", Formats[to])
		w.Header().Set("Content-Disposition", `attachment; filename="`+Slug(m.Buurt, m.Title)+"."+to+`"`)
		w.Header().Set("Cache-Control", "no-store")
		w.Write(buf.Bytes())
	})
}

// Slug makes a file name of the first non-empty name: lowercase letters,
// digits and dashes only, so no header or path can be bent by it.
func Slug(names ...string) string {
	for _, s := range names {
		var b strings.Builder
		for _, r := range strings.ToLower(s) {
			switch {
			case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
				b.WriteRune(r)
			case b.Len() > 0 && !strings.HasSuffix(b.String(), "-"):
				b.WriteByte('-')
			}
		}
		if out := strings.Trim(b.String(), "-"); out != "" {
			return out
		}
	}
	return "buurtkaart"
}
