package main

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/buurtkaart/buurtkaart/wasm/pins"
)

// The running map hands out its exports with the residents' pins, as the
// public sees them: no hidden pin, no unconsented name.
func TestExportDownloads(t *testing.T) {
	dir := t.TempDir()
	sample, err := os.ReadFile("../../geodata/schilderswijk.geojson")
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "map.geojson"), sample, 0o644)
	db, err := openDB(context.Background(), filepath.Join(dir, "pins.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	api := pins.NewHandler(pins.NewStore(db, "schilderswijk"), pins.Options{ModeratorToken: "mod-token-0123456789abcdef"})
	srv := httptest.NewServer(routes(api, dir, nil))
	defer srv.Close()
	post := func(body string) {
		req := httptest.NewRequest("POST", "/api/pins", strings.NewReader(body))
		req.Header.Set(pins.DeviceHeader, "export-test-device-01")
		req.Header.Set("Content-Type", "application/json")
		rec := httptest.NewRecorder()
		api.ServeHTTP(rec, req)
		if rec.Code != 201 {
			t.Fatalf("POST: %d %s", rec.Code, rec.Body)
		}
	}
	post(`{"id":"11111111-1111-4111-8111-111111111111","lon":4.3045,"lat":52.0675,"kind":"talent","name":"Naaicursus","author":"Geheimnaam"}`)
	post(`{"id":"22222222-2222-4222-8222-222222222222","lon":4.3046,"lat":52.0676,"kind":"plek","name":"Verstopt bankje"}`)
	hide := httptest.NewRequest("POST", "/api/pins/22222222-2222-4222-8222-222222222222/hide", nil)
	hide.Header.Set("Authorization", "Bearer mod-token-0123456789abcdef")
	api.ServeHTTP(httptest.NewRecorder(), hide)

	for _, f := range []string{"geojson", "csv", "gpx", "kml"} {
		res, err := http.Get(srv.URL + "/export." + f)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(res.Body)
		res.Body.Close()
		s := string(body)
		switch {
		case res.StatusCode != 200:
			t.Errorf("%s: %d %s", f, res.StatusCode, s)
		case !strings.Contains(s, "Naaicursus") || !strings.Contains(s, "Haagse Markt"):
			t.Errorf("%s: lacks the visible pin or the map's places", f)
		case strings.Contains(s, "Geheimnaam") || strings.Contains(s, "Verstopt bankje"):
			t.Errorf("%s: holds an unconsented name or a hidden pin", f)
		case !strings.Contains(res.Header.Get("Content-Disposition"), `filename="schilderswijk.`+f+`"`):
			t.Errorf("%s: Content-Disposition %q", f, res.Header.Get("Content-Disposition"))
		}
	}
}
