package exchange

import (
	"bytes"
	"strings"
	"testing"

	"github.com/buurtkaart/buurtkaart/wasm/atlas"
	"github.com/buurtkaart/buurtkaart/wasm/pin"
)

func TestWithPinsKeepsPrivateThingsOut(t *testing.T) {
	m := &atlas.Map{Title: "T", Bounds: atlas.BBox{W: 4.29, S: 52.06, E: 4.32, N: 52.08},
		Places: []atlas.Place{{ID: "a", Name: "Bankje", Kind: "plek", At: atlas.Point{Lon: 4.3, Lat: 52.07}}}}
	ps := []pin.Pin{
		{ID: "1", Kind: "talent", Note: "Fatima naait gordijnen voor de hele straat, vraag het haar maar", Author: "Fatima", Status: pin.Visible, Lon: 4.301, Lat: 52.071, Created: "2026-11-23T10:00:00Z"},
		{ID: "2", Kind: "verband", Name: "Breiclub", Author: "Henk", ShowAuthor: true, Status: pin.Visible, Lon: 4.302, Lat: 52.072},
		{ID: "3", Kind: "plek", Name: "Verborgen", Status: pin.Hidden, Lon: 4.303, Lat: 52.073},
		{ID: "4", Kind: "plek", Name: "Wacht nog", Status: pin.Pending, Lon: 4.304, Lat: 52.074},
	}
	got := WithPins(m, ps)
	if len(m.Places) != 1 {
		t.Fatal("WithPins changed the map it was given")
	}
	if len(got.Places) != 3 {
		t.Fatalf("%d places, want the map's 1 and 2 visible pins", len(got.Places))
	}
	for _, format := range []Format{"geojson", "csv", "gpx", "kml"} {
		var b bytes.Buffer
		if _, err := Export(&b, got, format); err != nil {
			t.Fatal(err)
		}
		s := b.String()
		if strings.Contains(s, "Fatima\"") || strings.Contains(s, ">Fatima<") || strings.Contains(s, ";Fatima;") ||
			strings.Contains(s, "Verborgen") || strings.Contains(s, "Wacht nog") {
			t.Errorf("%s export holds an unconsented name or a hidden/pending pin:\n%s", format, s)
		}
		if !strings.Contains(s, "Breiclub") {
			t.Errorf("%s export lacks a visible pin", format)
		}
	}
	if got.Places[2].Author != "Henk" || got.Places[1].Name != "Fatima naait gordijnen voor de hele str…" {
		t.Errorf("pins as places: %+v", got.Places[1:])
	}
}
