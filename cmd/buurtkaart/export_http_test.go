package main

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/buurtkaart/buurtkaart/wasm/pins"
)

// The running map hands out its exports with the residents' pins, as the
// public sees them: no hidden pin, no unconsented name.
func TestExportDownloads(t *testing.T) {
	const moderator = "mod-token-0123456789abcdef"
	srv := httptest.NewServer(testServe(t, moderator))
	defer srv.Close()
	send := func(path, body, auth string) {
		req, _ := http.NewRequest("POST", srv.URL+path, strings.NewReader(body))
		req.Header.Set(pins.DeviceHeader, "export-test-device-01")
		req.Header.Set("Content-Type", "application/json")
		if auth != "" {
			req.Header.Set("Authorization", "Bearer "+auth)
		}
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode >= 300 {
			t.Fatalf("POST %s: %d", path, res.StatusCode)
		}
	}
	send("/schilderswijk/api/pins", `{"id":"11111111-1111-4111-8111-111111111111","lon":4.3045,"lat":52.0675,"kind":"talent","name":"Naaicursus","author":"Geheimnaam"}`, "")
	send("/schilderswijk/api/pins", `{"id":"22222222-2222-4222-8222-222222222222","lon":4.3046,"lat":52.0676,"kind":"plek","name":"Verstopt bankje"}`, "")
	send("/schilderswijk/api/pins/22222222-2222-4222-8222-222222222222/hide", "", moderator)

	for _, f := range []string{"geojson", "csv", "gpx", "kml"} {
		res, err := http.Get(srv.URL + "/schilderswijk/export." + f)
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
