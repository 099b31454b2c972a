package main

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/buurtkaart/buurtkaart/wasm/kind"
	"github.com/buurtkaart/buurtkaart/wasm/pin"
)

// posterSite is a built site folder: the sample map and the qr.json of
// the public address publicURL.
func posterSite(t *testing.T, publicURL string) string {
	t.Helper()
	dir := t.TempDir()
	data, err := os.ReadFile("../../geodata/schilderswijk.geojson")
	if err != nil {
		t.Fatal(err)
	}
	qr, err := site{url: publicURL}.qrJSON()
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "map.geojson"), data, 0o644)
	os.WriteFile(filepath.Join(dir, "qr.json"), qr, 0o644)
	return dir
}

// pinsAPI answers GET /api/pins with n visible pins in one page.
func pinsAPI(n int) http.Handler {
	var ps []pin.Pin
	for i := range n {
		ps = append(ps, pin.Pin{ID: fmt.Sprintf("%08d-0000-4000-8000-000000000000", i), Kind: kind.Plek,
			Name: fmt.Sprintf("Pin nummer %d", i), Lon: 4.295 + float64(i%50)*0.0005, Lat: 52.061 + float64(i/50)*0.0012,
			Status: pin.Visible, Created: "2026-06-01T10:00:00Z"})
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		json.NewEncoder(w).Encode(pin.Collection(ps))
	})
}

// TestPosterBusyIs503: 24 different posters asked at once (the review's
// attack, with titles that defeat any cache) are not all made at once: a
// few are, a few wait their turn, the rest hear 503 with Retry-After.
func TestPosterBusyIs503(t *testing.T) {
	if runtime.NumCPU() > 32 {
		t.Skip("the default renders at once (half the CPUs) plus the queue reach 24")
	}
	h := posterHandler(pinsAPI(1), posterSite(t, "https://kaart.example.nl/"))
	codes := make([]int, 24)
	retry := make([]string, 24)
	var wg sync.WaitGroup
	for i := range codes {
		wg.Add(1)
		go func() {
			defer wg.Done()
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, httptest.NewRequest("GET", "/poster.pdf?size=A4&format=svg&title=Poster+"+fmt.Sprint(i), nil))
			codes[i], retry[i] = rec.Code, rec.Header().Get("Retry-After")
		}()
	}
	wg.Wait()
	made, busy := 0, 0
	for i, c := range codes {
		switch {
		case c == 200:
			made++
		case c == 503 && retry[i] != "":
			busy++
		default:
			t.Errorf("request %d: %d (Retry-After %q)", i, c, retry[i])
		}
	}
	if made == 0 || busy == 0 {
		t.Errorf("%d made, %d told to come back; want some of each", made, busy)
	}
}

// TestPosterMadeOnce: the same poster asked for ten times at once is made
// once, and asked again it comes from the cache; a new pin, another title,
// paper or ink makes a new one.
func TestPosterMadeOnce(t *testing.T) {
	var pins atomic.Int32
	pins.Store(1)
	api := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		pinsAPI(int(pins.Load())).ServeHTTP(w, r)
	})
	s := newPosterServer(api, dirFiles(posterSite(t, "https://kaart.example.nl/")), posterLimits{})
	var renders atomic.Int32
	s.render = func(j posterJob, _ []byte, format string) ([]byte, error) {
		renders.Add(1)
		return []byte(fmt.Sprintf("%s %s %s %d", j.Paper, format, j.Title, len(j.Pins))), nil
	}
	get := func(query string) string {
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, httptest.NewRequest("GET", "/poster.pdf"+query, nil))
		if rec.Code != 200 {
			t.Errorf("%s: %d", query, rec.Code)
		}
		return rec.Body.String()
	}
	var wg sync.WaitGroup
	for range 10 {
		wg.Add(1)
		go func() { defer wg.Done(); get("?size=A1&format=png") }()
	}
	wg.Wait()
	get("?size=A1&format=png")
	if n := renders.Load(); n != 1 {
		t.Errorf("11 requests for one poster made it %d times, want 1", n)
	}
	get("?size=A1&format=png&title=Anders")
	get("?size=A2&format=png")
	get("?size=A1&format=png&ink=zwart")
	pins.Store(2)
	if body := get("?size=A1&format=png"); !strings.HasSuffix(body, " 2") {
		t.Errorf("after a new pin: %q, want the poster with 2 pins", body)
	}
	if n := renders.Load(); n != 5 {
		t.Errorf("%d renders, want 5", n)
	}
}

// TestPosterBoundsPins: a poster holds at most 500 pins (the oldest) and
// says in its footer that there are more; with 500 it says nothing.
func TestPosterBoundsPins(t *testing.T) {
	const note = "Hier de eerste 500 bewonerspins; alle pins op de kaart online"
	for _, tt := range []struct {
		pins     int
		wantNote bool
	}{{500, false}, {501, true}} {
		h := posterHandler(pinsAPI(tt.pins), posterSite(t, "https://kaart.example.nl/"))
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest("GET", "/poster.pdf?size=A2&format=svg", nil))
		svg := rec.Body.String()
		if rec.Code != 200 {
			t.Fatalf("%d pins: %d %.200s", tt.pins, rec.Code, svg)
		}
		if got := strings.Contains(svg, note); got != tt.wantNote {
			t.Errorf("%d pins: note on the poster %v, want %v", tt.pins, got, tt.wantNote)
		}
		if strings.Contains(svg, "Pin nummer 500<") {
			t.Errorf("%d pins: the 501st is on the poster", tt.pins)
		}
	}
}

// TestPosterIgnoresHost: the QR code and the address written on the poster
// are the map's configured public address, whatever Host the request
// names, and the answer is not for shared caches.
func TestPosterIgnoresHost(t *testing.T) {
	h := posterHandler(pinsAPI(1), posterSite(t, "https://kaart.example.nl/"))
	req := httptest.NewRequest("GET", "/poster.pdf?size=A4&format=svg", nil)
	req.Host = "evil.example"
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	svg := rec.Body.String()
	if rec.Code != 200 || strings.Contains(svg, "evil.example") || !strings.Contains(svg, "kaart.example.nl") {
		t.Errorf("%d: the poster names the request's Host or not the public address: %v %v", rec.Code,
			strings.Contains(svg, "evil.example"), strings.Contains(svg, "kaart.example.nl"))
	}
	if cc := rec.Header().Get("Cache-Control"); !strings.Contains(cc, "private") {
		t.Errorf("Cache-Control %q, want private", cc)
	}
}
