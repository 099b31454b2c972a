// Package download hands out the map for other tools, from the running
// site: /export.geojson, .csv, .gpx and .kml, with the residents' pins as
// the public sees them. One http.Handler for both hosts: `serve` reads the
// map from its build folder, the Worker from its static assets.
package download

import (
	"context"
	"net/http"
	"path"
	"strings"

	"github.com/buurtkaart/buurtkaart/wasm/atlas"
	"github.com/buurtkaart/buurtkaart/wasm/exchange"
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

// Handler serves /export.<format>. The pins come through the pins API
// itself (see Pins), so hidden pins and names given without consent cannot
// slip into a download. The file is streamed: written as the pins' pages
// come, so 53,000 pins (a 26 MB KML) never sit in memory whole.
type Handler struct {
	Source MapSource
	API    http.Handler // the pins API
	// PerPage is the pins asked of the API at a time; default its most,
	// 1,000. In serve, smaller pages only cost time: four exports of
	// 53,000 pins took 4 s at 1,000 a page, 8 s at 250. The Worker asks
	// 250: there a page of D1 rows becoming pins is a stretch of Go no
	// other request can interrupt, so a read behind exports waits less.
	PerPage int
}

// NewHandler is the Handler of the map from source and the pins of api.
func NewHandler(source MapSource, api http.Handler) Handler {
	return Handler{Source: source, API: api}
}

func (h Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	to := strings.TrimPrefix(path.Ext(r.URL.Path), ".")
	if Formats[to] == "" || path.Base(r.URL.Path) != "export."+to {
		http.NotFound(w, r)
		return
	}
	data, err := h.Source(r.Context())
	if err != nil {
		http.Error(w, "download: the map is not available", http.StatusServiceUnavailable)
		return
	}
	m, _ := atlas.Parse(data, nil)
	if m == nil {
		http.Error(w, "download: the map file cannot be read", http.StatusInternalServerError)
		return
	}
	// The first page is read before the answer starts, so pins that
	// cannot be read at all still get a 503.
	pages := &pinPages{ctx: r.Context(), api: h.API, limit: h.PerPage}
	ps, err := pages.next()
	if err != nil {
		http.Error(w, "download: pins unavailable", http.StatusServiceUnavailable)
		return
	}
	places := func(yield func(atlas.Place, error) bool) {
		for {
			for _, p := range ps {
				if pl, public := exchange.PinPlace(p); public && !yield(pl, nil) {
					return
				}
			}
			if !pages.more() {
				return
			}
			if ps, err = pages.next(); err != nil {
				yield(atlas.Place{}, err)
				return
			}
		}
	}
	w.Header().Set("Content-Type", Formats[to])
	w.Header().Set("Content-Disposition", `attachment; filename="`+Slug(m.Buurt, m.Title)+"."+to+`"`)
	w.Header().Set("Cache-Control", "no-store")
	if _, err := exchange.Stream(w, m, exchange.Format(to), places); err != nil {
		// The answer is under way with a 200: break it off, so the
		// client sees a failed download rather than a short file.
		panic(http.ErrAbortHandler)
	}
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
