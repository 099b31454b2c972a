package exchange

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"
	"testing"

	"github.com/buurtkaart/buurtkaart/wasm/atlas"
)

// Tests on real exports (testdata/README.md says where each comes from and
// under which licence), one per finding of issue 13 §4.

// testdata reads a file of testdata/, gunzipped when its name ends in .gz.
func testdata(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	if strings.HasSuffix(name, ".gz") {
		z, err := gzip.NewReader(bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		if data, err = io.ReadAll(z); err != nil {
			t.Fatal(err)
		}
	}
	return data
}

func importData(t testing.TB, data []byte, from Format) (*atlas.Map, []string) {
	t.Helper()
	m, notes, err := Import(data, from, nil)
	if err != nil {
		t.Fatal(err)
	}
	var ns []string
	for _, n := range notes {
		ns = append(ns, n.String())
	}
	return m, ns
}

func count[T any](list []T, f func(T) bool) int {
	n := 0
	for _, v := range list {
		if f(v) {
			n++
		}
	}
	return n
}

func noteWith(notes []string, s string) int {
	return count(notes, func(n string) bool { return strings.Contains(n, s) })
}

// An overpass-turbo export of a real city's streets (Cluj-Napoca, 3,058
// highway features): every highway way is a street on the map — also the
// 51 with an OSM layer tag (bridges, tunnels), which is not buurtkaart's
// layer — and its bus stops, crossings and traffic signals are not.
func TestOverpassTurboKeepsEveryStreet(t *testing.T) {
	data := testdata(t, "cluj-streets.geojson.gz")
	var fc struct {
		Features []struct {
			Properties map[string]any
			Geometry   struct{ Type string }
		}
	}
	if err := json.Unmarshal(data, &fc); err != nil {
		t.Fatal(err)
	}
	ways := count(fc.Features, func(f struct {
		Properties map[string]any
		Geometry   struct{ Type string }
	}) bool {
		return f.Properties["highway"] != nil && f.Geometry.Type != "Point"
	})
	furniture := len(fc.Features) - ways - count(fc.Features, func(f struct {
		Properties map[string]any
		Geometry   struct{ Type string }
	}) bool {
		return f.Properties["highway"] == nil
	})
	m, notes := importData(t, data, Overpass)
	streets := count(m.Shapes, func(s atlas.Shape) bool { return s.Layer == atlas.Straat })
	if ways < 2000 || streets != ways {
		t.Errorf("%d highway ways in the file, %d streets on the map", ways, streets)
	}
	if n := noteWith(notes, "unknown layer"); n > 0 {
		t.Errorf("%d streets refused for OSM's layer tag", n)
	}
	if n := count(m.Shapes, func(s atlas.Shape) bool { return len(s.Parts) == 1 && len(s.Parts[0]) == 1 }); n > 0 {
		t.Errorf("%d points drawn as streets", n)
	}
	left := 0
	for _, n := range notes {
		var k int
		if _, err := fmt.Sscanf(n, "warning: %d points tagged highway=", &k); err == nil {
			left += k
		}
	}
	if left != furniture {
		t.Errorf("%d highway points in the file, notes say %d left out:\n%s", furniture, left, strings.Join(notes, "\n"))
	}
	if n := noteWith(notes, "error:"); n > 0 {
		t.Errorf("%d errors:\n%s", n, strings.Join(notes, "\n"))
	}
	t.Logf("%d highway ways → %d streets; %d places; %d street furniture points left out; %d notes", ways, streets, len(m.Places), left, len(notes))
}

// uMap's own fixture: an Overpass 'out geom' answer holding one hiking
// route relation, which is a walk on the map, not "a relation without a
// position".
func TestOverpassOutGeomRelation(t *testing.T) {
	m, notes := importData(t, testdata(t, "umap-osm-relation.json"), Overpass)
	if len(m.Shapes) != 1 || m.Shapes[0].Layer != atlas.Route || m.Shapes[0].Name != "Saint-Maurice d'Ibie - Petit Montagu" {
		t.Fatalf("shapes %+v\nnotes %q", m.Shapes, notes)
	}
	if len(notes) > 0 {
		t.Errorf("notes %q", notes)
	}
}

// A multipolygon relation with its members' geometry ('out geom'): one
// area with its hole, the outer ring joined from two ways.
func TestOverpassMultipolygon(t *testing.T) {
	data := `{"elements": [{"type": "relation", "id": 7, "tags": {"type": "multipolygon", "leisure": "park", "name": "Hobbemapark"},
	 "members": [
	  {"type": "way", "ref": 1, "role": "outer", "geometry": [{"lat": 52.060, "lon": 4.300}, {"lat": 52.060, "lon": 4.310}, {"lat": 52.070, "lon": 4.310}]},
	  {"type": "way", "ref": 2, "role": "outer", "geometry": [{"lat": 52.060, "lon": 4.300}, {"lat": 52.070, "lon": 4.300}, {"lat": 52.070, "lon": 4.310}]},
	  {"type": "way", "ref": 3, "role": "inner", "geometry": [{"lat": 52.064, "lon": 4.304}, {"lat": 52.064, "lon": 4.306}, {"lat": 52.066, "lon": 4.306}, {"lat": 52.064, "lon": 4.304}]},
	  {"type": "node", "ref": 4, "role": "label", "lat": 52.065, "lon": 4.305}]}]}`
	m, notes := importData(t, []byte(data), Overpass)
	if len(m.Shapes) != 1 {
		t.Fatalf("shapes %+v, notes %q", m.Shapes, notes)
	}
	s := m.Shapes[0]
	if s.Layer != atlas.Groen || !s.Area || len(s.Parts) != 2 || len(s.Parts[0]) != 5 {
		t.Errorf("park %+v, notes %q", s, notes)
	}
	if len(m.Places) != 1 || m.Places[0].Name != "Hobbemapark" {
		t.Errorf("places %+v", m.Places)
	}
}

// OSM XML (osmtogeojson's real test extract, Eppan in South Tyrol) maps as
// the same data in Overpass JSON does: its streets and buildings (a
// multipolygon among them), its hiking route relation, its school, church
// and fountain; the crossing is left out, and the ways and relations cut
// by the extract's edge are said.
func TestOSMXML(t *testing.T) {
	want := []string{
		"places: partner Pfarrkirche Sankt Michael, partner Volksschule, plek fountain",
		"shapes: gebouw (×6), route, straat (×8)",
	}
	for _, c := range []struct {
		file string
		from Format
	}{{"osmtogeojson-map.osm", "osm"}, {"osmtogeojson-map.json", Overpass}, {"osmtogeojson-map.osm", Overpass}} {
		t.Run(c.file+" as "+string(c.from), func(t *testing.T) {
			m, notes := importData(t, testdata(t, c.file), c.from)
			if got := summary(m); strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Errorf("got\n%s\nwant\n%s\nnotes:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"), strings.Join(notes, "\n"))
			}
			if noteWith(notes, "1 points tagged highway=crossing left out") != 1 {
				t.Errorf("the crossing: notes\n%s", strings.Join(notes, "\n"))
			}
		})
	}
}

// summary is a map's places by kind and name, and its shapes by layer.
func summary(m *atlas.Map) []string {
	var places []string
	for _, p := range m.Places {
		places = append(places, string(p.Kind)+" "+p.Name)
	}
	layers := map[atlas.Layer]int{}
	var order []atlas.Layer
	for _, s := range m.Shapes {
		if layers[s.Layer] == 0 {
			order = append(order, s.Layer)
		}
		layers[s.Layer]++
	}
	sortStrings(places)
	var shapes []string
	for _, l := range order {
		s := string(l)
		if layers[l] > 1 {
			s += fmt.Sprintf(" (×%d)", layers[l])
		}
		shapes = append(shapes, s)
	}
	sortStrings(shapes)
	return []string{"places: " + strings.Join(places, ", "), "shapes: " + strings.Join(shapes, ", ")}
}

func sortStrings(s []string) {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && s[j] < s[j-1]; j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
}

// An OSM layer tag is not buurtkaart's layer, and a bus stop is no street.
func TestOSMTagsStayOSMTags(t *testing.T) {
	data := `{"type": "FeatureCollection", "generator": "overpass-turbo", "features": [
	 {"type": "Feature", "properties": {"@id": "way/1", "highway": "residential", "layer": "1", "bridge": "yes", "name": "Brugstraat"},
	  "geometry": {"type": "LineString", "coordinates": [[4.30, 52.06], [4.31, 52.06]]}},
	 {"type": "Feature", "properties": {"@id": "node/2", "highway": "bus_stop", "name": "Hobbemaplein"},
	  "geometry": {"type": "Point", "coordinates": [4.305, 52.061]}},
	 {"type": "Feature", "properties": {"@id": "node/3", "highway": "street_lamp"},
	  "geometry": {"type": "Point", "coordinates": [4.306, 52.061]}}]}`
	m, notes := importData(t, []byte(data), Overpass)
	if got := summary(m); got[0] != "places: " || got[1] != "shapes: straat" {
		t.Errorf("got %q, notes %q", got, notes)
	}
	if string(m.Shapes[0].Extra["osm"]) != `{"bridge":"yes","highway":"residential","layer":"1","name":"Brugstraat"}` {
		t.Errorf("OSM tags kept as %s", m.Shapes[0].Extra["osm"])
	}
	want := []string{
		`warning: 1 points tagged highway=bus_stop left out: street furniture, not a place; set "kind" on one to make it a place`,
		`warning: 1 points tagged highway=street_lamp left out: street furniture, not a place; set "kind" on one to make it a place`,
	}
	if strings.Join(notes, "\n") != strings.Join(want, "\n") {
		t.Errorf("notes\n%s\nwant\n%s", strings.Join(notes, "\n"), strings.Join(want, "\n"))
	}
}

// uMap's own CSV fixture: Latitude and geo_Longitude columns, found the
// way uMap finds them.
func TestCSVColumnsAsUMapFindsThem(t *testing.T) {
	m, notes := importData(t, testdata(t, "umap-upload.csv"), CSV)
	if len(m.Places) != 2 {
		t.Fatalf("places %+v, notes %q", m.Places, notes)
	}
	p := m.Places[0]
	if p.Name != "a point somewhere" || p.Note != "the description of this point" || p.At != (atlas.Point{Lon: 14.5, Lat: 48.5}) ||
		string(p.Extra["Foo"]) != `"bar"` || p.Extra["geo_Longitude"] != nil {
		t.Errorf("place %+v", p)
	}
}

// uMap's fixture of a polygon whose ring is not closed: Leaflet draws it
// closed, and so does buurtkaart, with a warning.
func TestUnclosedRingIsClosed(t *testing.T) {
	m, notes := importData(t, testdata(t, "umap-non-linear-ring.json"), UMap)
	if len(m.Shapes) != 1 || !m.Shapes[0].Area {
		t.Fatalf("shapes %+v, notes %q", m.Shapes, notes)
	}
	if noteWith(notes, "1 ring(s) not closed; closed them") != 1 {
		t.Errorf("notes %q", notes)
	}
}

// A real GPS track of 9,890 points (a marathon run with a watch) is drawn,
// thinned with orb's Douglas–Peucker, not dropped — from GPX, and from
// GeoJSON (uMap) as a LineString of the same points.
func TestLongTrackIsKept(t *testing.T) {
	gpx := testdata(t, "santa-rosa-marathon.gpx.gz")
	m, notes := importData(t, gpx, GPX)
	if len(m.Shapes) != 1 || len(m.Shapes[0].Parts[0]) > maxDrawnVertices {
		t.Fatalf("shapes %d, notes %q", len(m.Shapes), notes)
	}
	t.Logf("GPX: %q", notes)
	var line [][2]float64
	for _, s := range strings.Split(string(gpx), "<trkpt ")[1:] {
		var lat, lon float64
		if _, err := fmt.Sscanf(s, `lat="%f" lon="%f"`, &lat, &lon); err != nil {
			t.Fatal(err)
		}
		line = append(line, [2]float64{lon, lat})
	}
	coords, _ := json.Marshal(line)
	geojson := `{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"name": "Santa Rosa Marathon", "layer": "route"},
	 "geometry": {"type": "LineString", "coordinates": ` + string(coords) + `}}]}`
	m, notes = importData(t, []byte(geojson), UMap)
	if len(m.Shapes) != 1 || len(m.Shapes[0].Parts[0]) > maxDrawnVertices || noteWith(notes, fmt.Sprintf("%d points simplified to", len(line))) != 1 {
		t.Fatalf("%d points: shapes %d, notes %q", len(line), len(m.Shapes), notes)
	}
	t.Logf("GeoJSON: %q", notes)
}
