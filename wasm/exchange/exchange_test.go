package exchange

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/buurtkaart/buurtkaart/wasm/atlas"
)

// expectImport imports file and checks the places and shapes (as "kind
// name" and "layer name" lines) and the notes, exactly and in order.
func expectImport(t *testing.T, file string, from Format, places, shapes, notes []string) *atlas.Map {
	t.Helper()
	data, err := os.ReadFile("testdata/" + file)
	if err != nil {
		t.Fatal(err)
	}
	m, ns, err := Import(data, from, nil)
	if err != nil {
		t.Fatal(err)
	}
	var gotP, gotS, gotN []string
	for _, p := range m.Places {
		gotP = append(gotP, fmt.Sprintf("%s %s", p.Kind, p.Name))
	}
	for _, s := range m.Shapes {
		gotS = append(gotS, fmt.Sprintf("%s %s", s.Layer, s.Name))
	}
	for _, n := range ns {
		gotN = append(gotN, n.String())
	}
	for _, c := range []struct {
		what      string
		got, want []string
	}{{"places", gotP, places}, {"shapes", gotS, shapes}, {"notes", gotN, notes}} {
		if strings.Join(c.got, "\n") != strings.Join(c.want, "\n") {
			t.Errorf("%s:\n got %q\nwant %q", c.what, c.got, c.want)
		}
	}
	return m
}

func TestImport(t *testing.T) {
	tests := []struct {
		name                  string
		file                  string
		from                  Format
		places, shapes, notes []string
	}{
		{"umap backup", "schilderswijk.umap", UMap,
			[]string{"talent Fatima naait", "plek Bankje bij de boom", "verband Koor"},
			[]string{"route Ommetje", "groen Parkje"},
			[]string{
				`feature 1 "Bankje bij de boom": warning: no kind; made it a plek; set "kind" in its properties, or name its uMap layer after a kind ("Talenten", "Plekken", …)`,
				`feature 3 "Ommetje": warning: no layer; drawn as route; set "layer" (straat, water, groen, gebouw or route) in its properties, or name its uMap layer after one`,
				`feature 4 "Parkje": warning: no layer; drawn as groen; set "layer" (straat, water, groen, gebouw or route) in its properties, or name its uMap layer after one`}},
		{"overpass", "overpass.geojson", Overpass,
			[]string{"plek Bankje", "partner Bibliotheek Schilderswijk", "plek Bakkerij Yilmaz", "plek vending machine", "plek Kleermakerij Aziz", "plek Hobbemaplein", "partner De Springplank"},
			[]string{"straat Hobbemastraat", "groen Hobbemaplein", "gebouw De Springplank"},
			[]string{
				`feature 3: warning: no kind for tags amenity=vending_machine vending=parking_tickets; made it a plek; set "kind"`,
				`feature 8: error: a LineString with no layer; left out; no layer or kind for tags power=line; set "layer" or "kind"`}},
		{"overpass json", "elements.json", Overpass,
			[]string{"plek Bankje", "plek Buurthuis De Mussen"}, nil,
			[]string{`element 3 "Schaakclub": error: way without a position; left out; query Overpass with 'out geom' (or export GeoJSON from overpass-turbo)`}},
		{"dutch excel csv", "plekken.csv", CSV,
			[]string{"talent Fatima naait", "plek Bankje", "plek Zonder soort", `plek =HYPERLINK("x")`}, nil,
			[]string{
				`line 4 "Zonder soort": warning: no kind; made it a plek; fill in the "soort" column: talent, verband, plek, verhaal or partner`,
				`line 6 "Kapot": error: lat "noord", lon "4,30" are not numbers; left out; fill in both in degrees, e.g. 52.0662 and 4.3012`}},
		{"gpx", "wandeling.gpx", GPX,
			[]string{"talent Fatima naait", "plek Bankje", "verhaal Oude bioscoop"},
			[]string{"route Naar de markt", "route Ommetje"},
			[]string{`waypoint 1 "Bankje": warning: no kind; made it a plek; set its <type> to talent, verband, plek, verhaal or partner`}},
		{"kml", "mymaps.kml", KML,
			[]string{"verhaal Oude bioscoop", "partner Buurthuis De Mussen", "plek Ergens"},
			[]string{"route Wandelroute", "straat Hoefkade", "gebouw Moskee", "groen Iets"},
			[]string{
				`placemark 2 "Ergens": warning: no kind; made it a plek; add ExtendedData <Data name="kind">, or put it in a folder named after a kind ("Talenten", "Plekken", …)`,
				`placemark 6 "Iets": warning: no layer; drawn as groen; add ExtendedData <Data name="layer"> (straat, water, groen, gebouw or route), or say it in the folder's name`}},
		{"buurtkaart file as umap", "../../../geodata/golden/mini.geojson", UMap,
			[]string{"talent Fatima naait", "verband Breiclub", `plek Bankje <bij> de "boom" & zo`, "verhaal Oude bioscoop", "partner Bieb"},
			[]string{"straat Hoofdstraat", "groen Parkje"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { expectImport(t, tt.file, tt.from, tt.places, tt.shapes, tt.notes) })
	}
}

func TestImportKeepsWhatItCannotUse(t *testing.T) {
	m := load(t, "overpass.geojson", Overpass)
	if got := string(m.Places[2].Extra["osm"]); got != `{"name":"Bakkerij Yilmaz","shop":"bakery"}` {
		t.Errorf("osm tags kept as %s", got)
	}
	m = load(t, "schilderswijk.umap", UMap)
	if got := string(m.Places[0].Extra["_umap_options"]); got != `{"color":"Orange"}` {
		t.Errorf("_umap_options kept as %s", got)
	}
}

func load(t *testing.T, file string, from Format) *atlas.Map {
	t.Helper()
	data, err := os.ReadFile("testdata/" + file)
	if err != nil {
		t.Fatal(err)
	}
	m, _, err := Import(data, from, nil)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func TestImportRefusesWhatIsNotItsFormat(t *testing.T) {
	tests := []struct {
		name string
		data string
		from Format
		want string
	}{
		{"csv without lat", "naam;soort\nBankje;plek\n", CSV, "exchange: the CSV has no lat column; name one lat, breedtegraad or latitude"},
		{"gpx that is json", `{"type":"FeatureCollection"}`, GPX, "exchange: not GPX: EOF"},
		{"umap that is a point", `{"type":"Point"}`, UMap, `exchange: type "Point" is neither a uMap backup ("umap") nor a FeatureCollection`},
		{"unknown format", "", "shp", `exchange: cannot import "shp"; use umap, overpass, osm, csv, gpx or kml`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := Import([]byte(tt.data), tt.from, nil)
			if err == nil || err.Error() != tt.want {
				t.Errorf("err = %v, want %s", err, tt.want)
			}
		})
	}
}

// TestRoundTrip imports each sample, exports it, imports that again and
// expects the same places and shapes. uMap and Overpass have no writer of
// their own: they read back buurtkaart's GeoJSON, as uMap itself does.
func TestRoundTrip(t *testing.T) {
	tests := []struct {
		file           string
		from, to, back Format
	}{
		{"schilderswijk.umap", UMap, GeoJSON, UMap},
		{"overpass.geojson", Overpass, GeoJSON, Overpass},
		{"plekken.csv", CSV, CSV, CSV},
		{"wandeling.gpx", GPX, GPX, GPX},
		{"mymaps.kml", KML, KML, KML},
		{"../../../geodata/schilderswijk.geojson", UMap, GeoJSON, UMap},
		{"../../../geodata/schilderswijk.geojson", UMap, KML, KML},
		{"../../../geodata/schilderswijk.geojson", UMap, CSV, CSV},
	}
	for _, tt := range tests {
		t.Run(string(tt.to)+" "+tt.file, func(t *testing.T) {
			data, err := os.ReadFile("testdata/" + tt.file)
			if err != nil {
				t.Fatal(err)
			}
			first, _, err := Import(data, tt.from, nil)
			if err != nil {
				t.Fatal(err)
			}
			var out bytes.Buffer
			if _, err := Export(&out, first, tt.to); err != nil {
				t.Fatal(err)
			}
			second, notes, err := Import(out.Bytes(), tt.back, nil)
			if err != nil {
				t.Fatalf("%v\n%s", err, out.Bytes())
			}
			if len(notes) > 0 && tt.to != CSV { // a CSV has no streets, so links to them dangle
				t.Errorf("second import notes: %v", notes)
			}
			if !reflect.DeepEqual(places(second), places(first)) {
				t.Errorf("places differ:\n got %+v\nwant %+v", places(second), places(first))
			}
			if tt.to != CSV && !reflect.DeepEqual(shapes(second), shapes(first)) {
				t.Errorf("shapes differ:\n got %+v\nwant %+v", shapes(second), shapes(first))
			}
		})
	}
}

// places are m's places without the feature index, which depends on what
// else the file holds.
func places(m *atlas.Map) []atlas.Place {
	out := append([]atlas.Place(nil), m.Places...)
	for i := range out {
		out[i].Feature = 0
	}
	return out
}

func shapes(m *atlas.Map) []atlas.Shape {
	out := append([]atlas.Shape(nil), m.Shapes...)
	for i := range out {
		out[i].Feature = 0
	}
	return out
}

func TestExportSaysWhatItLeavesOut(t *testing.T) {
	data, _ := os.ReadFile("../../geodata/golden/mini.geojson")
	m, _ := atlas.Parse(data, nil)
	tests := []struct {
		to   Format
		want []string
	}{
		{CSV, []string{"warning: a CSV holds places only: 2 lines and areas of the drawing are not in it; export geojson or kml to keep them"}},
		{GPX, []string{
			"warning: GPX has no areas: 1 areas of the drawing are not in it; export geojson or kml to keep them",
			"warning: GPX has no ids, authors, dates, tags or links: 5 places lose theirs; export geojson or kml to keep them"}},
		{KML, nil},
		{GeoJSON, nil},
	}
	for _, tt := range tests {
		t.Run(string(tt.to), func(t *testing.T) {
			notes, err := Export(&bytes.Buffer{}, m, tt.to)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, n := range notes {
				got = append(got, n.String())
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("notes %q, want %q", got, tt.want)
			}
		})
	}
}

func TestCSVGuardsAgainstFormulas(t *testing.T) {
	m := &atlas.Map{Places: []atlas.Place{{Name: "=HYPERLINK(\"http://x\")", Kind: "plek", Note: "+31 6", At: atlas.Point{Lon: 4.3, Lat: 52.07}}}}
	var b bytes.Buffer
	Export(&b, m, CSV)
	if !strings.Contains(b.String(), `'=HYPERLINK(""http://x"")`) || !strings.Contains(b.String(), "'+31 6") {
		t.Errorf("formula not guarded:\n%s", b.String())
	}
}

// TestCSVGuardsHeaderCells: a property key is a header cell, and a key
// like "=HYPERLINK(…)" must not run in a spreadsheet either; import
// undoes the guard, so the key comes back as it was.
func TestCSVGuardsHeaderCells(t *testing.T) {
	for _, key := range []string{`=HYPERLINK("http://x","klik")`, "+31", "-2", "@SUM(A1)", "\tTAB"} {
		m := &atlas.Map{Places: []atlas.Place{{Name: "Bankje", Kind: "plek", At: atlas.Point{Lon: 4.3, Lat: 52.07},
			Extra: map[string]json.RawMessage{key: json.RawMessage(`"waarde"`)}}}}
		var b bytes.Buffer
		if _, err := Export(&b, m, CSV); err != nil {
			t.Fatal(err)
		}
		header, _, _ := strings.Cut(b.String(), "\n")
		for _, cell := range strings.Split(strings.TrimPrefix(header, "\uFEFF"), ";") {
			cell = strings.TrimPrefix(cell, `"`)
			if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) {
				t.Errorf("key %q: header cell %q starts a formula", key, cell)
			}
		}
		back, _, err := Import(b.Bytes(), CSV, nil)
		if err != nil {
			t.Fatal(err)
		}
		if _, ok := back.Places[0].Extra[strings.TrimSpace(key)]; !ok {
			t.Errorf("key %q did not come back: %v", key, back.Places[0].Extra)
		}
	}
}
