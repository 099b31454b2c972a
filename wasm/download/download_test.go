package download

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"

	"github.com/buurtkaart/buurtkaart/geodata"
	"github.com/buurtkaart/buurtkaart/wasm/pin"
)

func TestSlug(t *testing.T) {
	tests := []struct {
		names []string
		want  string
	}{
		{[]string{"Schilderswijk"}, "schilderswijk"},
		{[]string{"", "Schilderswijk — wat we hier hebben"}, "schilderswijk-wat-we-hier-hebben"},
		{[]string{`evil"; filename=x.exe`}, "evil-filename-x-exe"},
		{[]string{"", "—"}, "buurtkaart"},
	}
	for _, tt := range tests {
		if got := Slug(tt.names...); got != tt.want {
			t.Errorf("Slug(%q) = %q, want %q", tt.names, got, tt.want)
		}
	}
}

// pagedAPI answers GET /api/pins as the pins API does: pages of per pins,
// each naming the cursor of the next (?cursor=N is the index it starts at).
type pagedAPI struct {
	pins  []pin.Pin
	per   int
	asked int // pages served
}

func (a *pagedAPI) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	from, _ := strconv.Atoi(r.URL.Query().Get("cursor"))
	to := min(from+a.per, len(a.pins))
	page := struct {
		pin.FeatureCollection
		Next string `json:"next,omitempty"`
	}{FeatureCollection: pin.Collection(a.pins[from:to])}
	if to < len(a.pins) {
		page.Next = strconv.Itoa(to)
	}
	a.asked++
	json.NewEncoder(w).Encode(page)
}

// firstWrite remembers how many pages the API had served when the answer's
// first byte was written.
type firstWrite struct {
	*httptest.ResponseRecorder
	api   *pagedAPI
	pages int // -1 until the first write
}

func (f *firstWrite) Write(p []byte) (int, error) {
	if f.pages < 0 {
		f.pages = f.api.asked
	}
	return f.ResponseRecorder.Write(p)
}

// TestExportStreamsPageByPage: every export carries the pins of every page
// of the API, and starts writing after the first page, not after the last
// (the file is streamed, never held whole).
func TestExportStreamsPageByPage(t *testing.T) {
	var ps []pin.Pin
	for i := range 7 {
		ps = append(ps, pin.Pin{ID: fmt.Sprintf("%08d-0000-4000-8000-000000000000", i), Kind: "plek",
			Name: fmt.Sprintf("Bankje %d", i), Lon: 4.30 + float64(i)/1e4, Lat: 52.07, Status: pin.Visible, Created: "2026-11-23T10:00:00Z"})
	}
	ps = append(ps, pin.Pin{ID: "hidden", Kind: "plek", Name: "Verstopt", Lon: 4.3, Lat: 52.07, Status: pin.Hidden})
	for _, f := range []string{"geojson", "csv", "gpx", "kml"} {
		t.Run(f, func(t *testing.T) {
			api := &pagedAPI{pins: ps, per: 3}
			h := NewHandler(func(context.Context) ([]byte, error) { return geodata.Schilderswijk, nil }, api)
			w := &firstWrite{ResponseRecorder: httptest.NewRecorder(), api: api, pages: -1}
			h.ServeHTTP(w, httptest.NewRequest("GET", "/export."+f, nil))
			body := w.Body.String()
			if w.Code != 200 || api.asked != 3 {
				t.Fatalf("%d after %d pages, want 200 after 3", w.Code, api.asked)
			}
			for i := range 7 {
				if !strings.Contains(body, fmt.Sprintf("Bankje %d", i)) {
					t.Errorf("lacks pin %d", i)
				}
			}
			if !strings.Contains(body, "Haagse Markt") || strings.Contains(body, "Verstopt") {
				t.Error("lacks the map's places or holds a hidden pin")
			}
			if w.pages != 1 {
				t.Errorf("first byte written after %d pages of pins, want 1: the export is not streamed", w.pages)
			}
		})
	}
}
