package main

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"path"
	"path/filepath"
	"strings"

	"github.com/buurtkaart/buurtkaart/wasm/pin"

	"github.com/buurtkaart/buurtkaart/wasm/exchange"
)

// exportMap writes a map file as GeoJSON, CSV, GPX or KML. What the
// format cannot hold (areas in a CSV) is said on stderr.
func exportMap(args []string, stderr io.Writer) error {
	fs := flag.NewFlagSet("export", flag.ContinueOnError)
	to := fs.String("to", "", "the output's format: geojson, csv, gpx or kml (default: by -o's extension)")
	mapPath := fs.String("map", "geodata/schilderswijk.geojson", "the map file to export")
	pinsDB := fs.String("pins", "", "also export the visible residents' pins from this SQLite file (as serve keeps them)")
	out := fs.String("o", "-", "the file to write; - is stdout")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: buurtkaart export --to geojson|csv|gpx|kml [--map FILE] [--pins DB] [-o OUT]")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return exitError{}
	}
	if fs.NArg() > 0 {
		fs.Usage()
		return exitError{}
	}
	if *to == "" {
		if *to = fileFormat(*out, "export"); *to == "" {
			return fmt.Errorf("say which format with --to (geojson, csv, gpx or kml)")
		}
	}
	m, _, err := loadMap(*mapPath, stderr)
	if err != nil {
		return err
	}
	if *pinsDB != "" {
		ps, err := pinsFromDB(*pinsDB, mapKey(*mapPath))
		if err != nil {
			return err
		}
		m = exchange.WithPins(m, ps)
	}
	var buf bytes.Buffer
	notes, err := exchange.Export(&buf, m, exchange.Format(*to))
	if err != nil {
		return err
	}
	for _, n := range notes {
		fmt.Fprintf(stderr, "export: %s\n", n)
	}
	return writeOut(*out, buf.Bytes())
}

// exportHandler serves /export.geojson, .csv, .gpx and .kml: the map with
// the residents' pins as the public sees them (fetched through the pins API
// itself, so hidden pins and unconsented names cannot slip in).
func exportHandler(api http.Handler, siteDir string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		to := strings.TrimPrefix(path.Ext(r.URL.Path), ".")
		types := map[string]string{"geojson": "application/geo+json", "csv": "text/csv; charset=utf-8",
			"gpx": "application/gpx+xml", "kml": "application/vnd.google-earth.kml+xml"}
		if types[to] == "" {
			http.NotFound(w, r)
			return
		}
		m, _, err := loadMap(filepath.Join(siteDir, "map.geojson"), io.Discard)
		if err != nil {
			http.Error(w, "export: the map is not built yet", http.StatusServiceUnavailable)
			return
		}
		rec := httptest.NewRecorder()
		api.ServeHTTP(rec, httptest.NewRequestWithContext(r.Context(), http.MethodGet, "/api/pins", nil))
		ps, err := pin.ParseCollection(rec.Body.Bytes())
		if rec.Code != http.StatusOK || err != nil {
			http.Error(w, "export: pins unavailable", http.StatusServiceUnavailable)
			return
		}
		var buf bytes.Buffer
		if _, err := exchange.Export(&buf, exchange.WithPins(m, ps), exchange.Format(to)); err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		w.Header().Set("Content-Type", types[to])
		w.Header().Set("Content-Disposition", `attachment; filename="`+slug(firstNonEmpty(m.Buurt, m.Title, "buurtkaart"))+"."+to+`"`)
		w.Write(buf.Bytes())
	})
}

// slug makes a file name of a buurt's name: lowercase letters, digits and
// dashes only, so no header or path can be bent by it.
func slug(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			b.WriteRune(r)
		case b.Len() > 0 && !strings.HasSuffix(b.String(), "-"):
			b.WriteByte('-')
		}
	}
	return firstNonEmpty(strings.Trim(b.String(), "-"), "buurtkaart")
}
