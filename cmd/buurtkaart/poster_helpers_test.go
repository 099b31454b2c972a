package main

import (
	"context"
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"

	"github.com/buurtkaart/buurtkaart/wasm/page"
)

// posterHandler is a /poster.pdf handler over a built site's folder, with
// default limits: the poster tests' server.
func posterHandler(api http.Handler, siteDir string) http.Handler {
	return newPosterServer(api, dirFiles(siteDir), posterLimits{})
}

// dirFiles reads a built site's map files (a static build's folder).
func dirFiles(dir string) func(context.Context) (page.Files, error) {
	return func(context.Context) (page.Files, error) {
		data, err := os.ReadFile(filepath.Join(dir, "map.geojson"))
		if err != nil {
			return nil, err
		}
		// without qr.json (a site built without --url) the poster draws a placeholder
		qr, _ := os.ReadFile(filepath.Join(dir, "qr.json"))
		return page.Files{"map.geojson": data, "qr.json": qr}, nil
	}
}

// qrJSON is qr.json for a site built for the address s.url.
func (s site) qrJSON() ([]byte, error) {
	code, err := page.QRFor(s.url)
	if err != nil {
		return nil, err
	}
	return json.Marshal(code)
}
