package exchange

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/buurtkaart/buurtkaart/wasm/atlas"
	"github.com/buurtkaart/buurtkaart/wasm/pin"
)

func streamPins() []pin.Pin {
	return []pin.Pin{
		{ID: "1", Kind: "talent", Note: "Naait gordijnen", Author: "Fatima", Status: pin.Visible, Lon: 4.301, Lat: 52.071, Created: "2026-11-23T10:00:00Z"},
		{ID: "2", Kind: "verband", Name: "Breiclub", Author: "Henk", ShowAuthor: true, Status: pin.Visible, Lon: 4.302, Lat: 52.072},
		{ID: "3", Kind: "plek", Name: "Verborgen", Status: pin.Hidden, Lon: 4.303, Lat: 52.073},
	}
}

// pinPlaces streams ps as Stream's more, as the download handler does.
func pinPlaces(ps []pin.Pin) Places {
	return func(yield func(atlas.Place, error) bool) {
		for _, p := range ps {
			if pl, ok := PinPlace(p); ok && !yield(pl, nil) {
				return
			}
		}
	}
}

// TestStreamWritesWhatExportWrites: streaming the pins after the map gives
// the bytes of exporting the map with the pins added (GeoJSON: the same
// places and shapes; the pins come after the shapes there).
func TestStreamWritesWhatExportWrites(t *testing.T) {
	data, err := os.ReadFile("../../geodata/schilderswijk.geojson")
	if err != nil {
		t.Fatal(err)
	}
	m, _ := atlas.Parse(data, nil)
	for _, f := range []Format{CSV, GPX, KML, GeoJSON} {
		t.Run(string(f), func(t *testing.T) {
			var whole, streamed bytes.Buffer
			wantNotes, err := Export(&whole, WithPins(m, streamPins()), f)
			if err != nil {
				t.Fatal(err)
			}
			notes, err := Stream(&streamed, m, f, pinPlaces(streamPins()))
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(notes, wantNotes) {
				t.Errorf("notes %v, want %v", notes, wantNotes)
			}
			if f != GeoJSON {
				if streamed.String() != whole.String() {
					t.Errorf("streamed differs from whole:\n%s", streamed.String())
				}
				return
			}
			a, diags := atlas.Parse(streamed.Bytes(), nil)
			b, _ := atlas.Parse(whole.Bytes(), nil)
			if a == nil || atlas.HasErrors(diags) {
				t.Fatalf("streamed GeoJSON does not parse: %v", diags)
			}
			if len(a.Places) != len(m.Places)+2 || !reflect.DeepEqual(names(a), names(b)) || len(a.Shapes) != len(b.Shapes) {
				t.Errorf("streamed GeoJSON: %d places, %d shapes; want %d, %d", len(a.Places), len(a.Shapes), len(b.Places), len(b.Shapes))
			}
		})
	}
}

func names(m *atlas.Map) map[string]string {
	out := map[string]string{}
	for _, p := range m.Places {
		out[p.ID] = p.Name
	}
	return out
}

// TestStreamEmptyMapGeoJSON: pins alone still make valid GeoJSON.
func TestStreamEmptyMapGeoJSON(t *testing.T) {
	var b bytes.Buffer
	if _, err := Stream(&b, &atlas.Map{}, GeoJSON, pinPlaces(streamPins())); err != nil {
		t.Fatal(err)
	}
	var fc struct{ Features []json.RawMessage }
	if err := json.Unmarshal(b.Bytes(), &fc); err != nil || len(fc.Features) != 2 {
		t.Errorf("%d features, %v:\n%s", len(fc.Features), err, b.String())
	}
}

// TestStreamStopsAtTheError: a failing page of pins ends the export with
// its error, never a file that looks whole.
func TestStreamStopsAtTheError(t *testing.T) {
	broken := errors.New("page 2 unavailable")
	more := func(yield func(atlas.Place, error) bool) {
		if yield(atlas.Place{Name: "Eerste", Kind: "plek"}, nil) {
			yield(atlas.Place{}, broken)
		}
	}
	for _, f := range []Format{CSV, GPX, KML, GeoJSON} {
		var b bytes.Buffer
		if _, err := Stream(&b, &atlas.Map{}, f, more); !errors.Is(err, broken) {
			t.Errorf("%s: err %v, want %v", f, err, broken)
		}
		if s := b.String(); strings.HasSuffix(s, "</kml>\n") || strings.HasSuffix(s, "</gpx>\n") || strings.HasSuffix(s, "]}\n") {
			t.Errorf("%s: ends as a whole file:\n%s", f, s)
		}
	}
}
