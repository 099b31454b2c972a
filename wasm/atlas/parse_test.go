package atlas

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
)

// expectDiags parses src and checks that the diagnostics, as strings, are
// exactly want (order matters: the file is read top to bottom).
func expectDiags(t *testing.T, src string, want ...string) *Map {
	t.Helper()
	m, diags := Parse([]byte(src), nil)
	var got []string
	for _, d := range diags {
		got = append(got, d.String())
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("diagnostics:\n got: %q\nwant: %q", got, want)
	}
	return m
}

func fc(features ...string) string {
	return `{"type":"FeatureCollection","features":[` + strings.Join(features, ",") + `]}`
}

const bench = `{"type":"Feature","id":"b1","geometry":{"type":"Point","coordinates":[4.30,52.07]},"properties":{"name":"Bankje","kind":"plek"}}`

func TestParseDiagnostics(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []string
	}{
		{"valid", fc(bench), nil},
		{"syntax error with position", "{\"type\":\"FeatureCollection\",\n\"features\":[}", []string{
			"2:13: error: not valid JSON: invalid character '}' looking for beginning of value; check for a missing comma, quote or bracket just before this point"}},
		{"not a collection", `{"type":"Feature"}`, []string{
			`error: top-level type is "Feature", not "FeatureCollection"; a map file is one GeoJSON FeatureCollection: {"type":"FeatureCollection","features":[…]}`}},
		{"unknown kind", fc(`{"type":"Feature","geometry":{"type":"Point","coordinates":[4.3,52.07]},"properties":{"name":"Fatima","kind":"talnt"}}`), []string{
			`feature 0 "Fatima": error: unknown kind "talnt"; did you mean "talent"? kinds are talent, verband, plek, verhaal and partner`}},
		{"alias kind", fc(`{"type":"Feature","geometry":{"type":"Point","coordinates":[4.3,52.07]},"properties":{"name":"Bieb","kind":"institution"}}`), nil},
		{"missing name", fc(`{"type":"Feature","id":"x","geometry":{"type":"Point","coordinates":[4.3,52.07]},"properties":{"kind":"plek"}}`), []string{
			`feature 0 (id "x"): error: place has no name; add "name": a few words the map can show`}},
		{"swapped", fc(`{"type":"Feature","geometry":{"type":"Point","coordinates":[52.07,4.3]},"properties":{"name":"Markt","kind":"plek"}}`), []string{
			`feature 0 "Markt": error: coordinates look like latitude, longitude for the Netherlands; GeoJSON is [longitude, latitude]: swap the two numbers`}},
		{"unclosed ring", fc(`{"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[4.3,52.07],[4.31,52.07],[4.31,52.08],[4.3,52.08]]]},"properties":{"layer":"groen","name":"Park"}}`), []string{
			`feature 0 "Park": error: ring is not closed; repeat the first position at the end of the ring`}},
		{"duplicate id", fc(bench, bench), []string{
			`feature 1 "Bankje": error: duplicate id "b1" (also feature 0); give every feature its own id`}},
		{"dangling link", fc(`{"type":"Feature","id":"c","geometry":{"type":"Point","coordinates":[4.3,52.07]},"properties":{"name":"Koor","kind":"verband","links":["zaal"]}}`), []string{
			`feature 0 "Koor": warning: links to "zaal", which is not the id of any feature; fix the id or remove the link`}},
		{"line without layer", fc(`{"type":"Feature","geometry":{"type":"LineString","coordinates":[[4.3,52.07],[4.31,52.07]]},"properties":{"name":"Hoefkade"}}`), []string{
			`feature 0 "Hoefkade": error: a LineString without a layer; give it "layer": "straat", "water", "groen", "gebouw" or "route" to make it part of the drawing, or make it a Point to make it a place`}},
		{"outside bbox", `{"type":"FeatureCollection","bbox":[4.29,52.06,4.32,52.08],"features":[` +
			`{"type":"Feature","geometry":{"type":"Point","coordinates":[4.4,52.07]},"properties":{"name":"Ver weg","kind":"plek"}}]}`, []string{
			`feature 0 "Ver weg": warning: lies outside the map's bbox at 4.400000, 52.070000; move it inside, or widen the bbox`}},
		{"short ring", fc(area("Park", "[4.3,52.07],[4.31,52.07],[4.3,52.07]")), []string{
			`feature 0 "Park": error: ring with 3 positions; a ring needs at least four positions, the last equal to the first`}},
		{"collapsed ring", fc(area("Park", "[4.3,52.07],[4.31,52.07],[4.31,52.07],[4.3,52.07]")), []string{
			`feature 0 "Park": error: ring has only 2 different positions; an area needs at least three corners; draw it as a line or remove it`}},
		{"bow tie", fc(area("Strik", "[4.30,52.07],[4.31,52.08],[4.31,52.07],[4.30,52.08],[4.30,52.07]")), []string{
			`feature 0 "Strik": error: area crosses itself: segments 0 and 2 meet; segment 0 joins positions 0 and 1; move positions so the outline does not cross or touch itself, or split it into two areas`}},
		{"ring touches itself", fc(area("Acht", "[4.30,52.07],[4.32,52.07],[4.32,52.08],[4.31,52.07],[4.30,52.08],[4.30,52.07]")), []string{
			`feature 0 "Acht": error: area crosses itself: segments 0 and 2 meet; segment 0 joins positions 0 and 1; move positions so the outline does not cross or touch itself, or split it into two areas`}},
		{"ring folds back", fc(area("Spriet", "[4.30,52.07],[4.32,52.07],[4.31,52.07],[4.31,52.08],[4.30,52.07]")), []string{
			`feature 0 "Spriet": error: area crosses itself: segments 0 and 1 meet; segment 0 joins positions 0 and 1; move positions so the outline does not cross or touch itself, or split it into two areas`}},
		{"repeated positions are not a crossing", fc(area("Park", "[4.3,52.07],[4.31,52.07],[4.31,52.07],[4.31,52.08],[4.3,52.08],[4.3,52.07]")), nil},
		{"crossing in a hole", fc(`{"type":"Feature","geometry":{"type":"Polygon","coordinates":[` +
			`[[4.30,52.07],[4.33,52.07],[4.33,52.09],[4.30,52.09],[4.30,52.07]],` +
			`[[4.31,52.075],[4.32,52.085],[4.32,52.075],[4.31,52.085],[4.31,52.075]]]},"properties":{"layer":"gebouw","name":"Hof"}}`), []string{
			`feature 0 "Hof": error: ring 1: area crosses itself: segments 0 and 2 meet; segment 0 joins positions 0 and 1; move positions so the outline does not cross or touch itself, or split it into two areas`}},
		{"a line may cross itself", fc(`{"type":"Feature","geometry":{"type":"LineString","coordinates":[[4.30,52.07],[4.31,52.08],[4.31,52.07],[4.30,52.08]]},"properties":{"layer":"route","name":"Rondje"}}`), nil},
		{"feature over 2,000 vertices", fc(longLine(2001)), []string{
			`feature 0 "Lang": error: has 2001 vertices, more than 2000; simplify it; a drawn street needs tens of points, not thousands`}},
		{"drawing over 50,000 vertices", fc(repeat(longLine(2000), 26)...), []string{
			`error: the base drawing has 52000 vertices, more than 50000; simplify the base drawing (a hand-drawn map needs far fewer points), or split the map`}},
		{"missing kind", fc(`{"type":"Feature","geometry":{"type":"Point","coordinates":[4.3,52.07]},"properties":{"name":"Iets"}}`), []string{
			`feature 0 "Iets": error: place has no kind; add "kind": talent, verband, plek, verhaal or partner`}},
		{"unknown layer", fc(`{"type":"Feature","geometry":{"type":"LineString","coordinates":[[4.3,52.07],[4.31,52.07]]},"properties":{"layer":"weg","name":"Hoefkade"}}`), []string{
			`feature 0 "Hoefkade": error: unknown layer "weg"; use "straat", "water", "groen", "gebouw" or "route"`}},
		{"property of the wrong type", fc(`{"type":"Feature","geometry":{"type":"Point","coordinates":[4.3,52.07]},"properties":{"name":"Bankje","kind":"plek","tags":"bankje"}}`), []string{
			`feature 0: error: properties: "tags" should be a list of text, not a JSON string; name, kind, layer, note, author and since are text; tags and links are lists of text`}},
		{"metadata of the wrong type is ignored", `{"type":"FeatureCollection","title":5,"features":[` + bench + `]}`, []string{
			`warning: "title" should be text, not a JSON number; it is ignored`}},
		{"case-insensitive properties", fc(`{"type":"Feature","geometry":{"type":"Point","coordinates":[4.3,52.07]},"properties":{"Name":"Bankje","KIND":"plek"}}`), nil},
		{"file is an array", `[1,2]`, []string{
			`1:1: error: the file is a JSON array, not an object; a map file is one GeoJSON FeatureCollection: {"type":"FeatureCollection","features":[…]}`}},
		{"empty geometry", fc(`{"type":"Feature","geometry":{"type":"MultiPolygon","coordinates":[]},"properties":{"layer":"groen"}}`), []string{
			`feature 0: error: MultiPolygon has no positions; draw it, or remove the feature`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { expectDiags(t, tt.src, tt.want...) })
	}
}

func TestBrokenFeatureIsSkippedRestKept(t *testing.T) {
	m := expectDiags(t, fc(bench, `{"type":"Feature","geometry":null,"properties":{"name":"Kapot"}}`),
		`feature 1 "Kapot": error: has no geometry; place it on the map: a Point for a place, a LineString or Polygon for the drawing`)
	if len(m.Places) != 1 || m.Places[0].Name != "Bankje" {
		t.Fatalf("places = %+v, want the bench only", m.Places)
	}
}

// area is a groen Polygon feature with one ring of the given positions.
func area(name, ring string) string {
	return `{"type":"Feature","geometry":{"type":"Polygon","coordinates":[[` + ring + `]]},"properties":{"layer":"groen","name":"` + name + `"}}`
}

// longLine is a straat of n vertices.
func longLine(n int) string {
	var b strings.Builder
	for i := range n {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, "[%.6f,52.07]", 4.3+float64(i)*1e-6)
	}
	return `{"type":"Feature","geometry":{"type":"LineString","coordinates":[` + b.String() + `]},"properties":{"layer":"straat","name":"Lang"}}`
}

func repeat(s string, n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = s
	}
	return out
}

func TestPlacesDoNotCountTowardsTheDrawingBudget(t *testing.T) {
	var places []string
	for i := range 50001 {
		places = append(places, fmt.Sprintf(`{"type":"Feature","id":"p%d","geometry":{"type":"Point","coordinates":[4.3,52.07]},"properties":{"name":"Plek","kind":"plek"}}`, i))
	}
	if m := expectDiags(t, fc(places...)); len(m.Places) != 50001 {
		t.Fatalf("%d places, want 50001", len(m.Places))
	}
}

// DecodeGeometry is the one GeoJSON geometry reader: every type as atlas
// holds it, and a clear error for the rest.
func TestDecodeGeometry(t *testing.T) {
	tests := []struct {
		typ, coords  string
		parts, rings int
		err          string
	}{
		{"Point", `[4.3,52.06]`, 1, 0, ""},
		{"LineString", `[[4.3,52.06],[4.31,52.07]]`, 1, 0, ""},
		{"MultiLineString", `[[[4.3,52.06],[4.31,52.07]],[[4.3,52.06],[4.31,52.07]]]`, 2, 0, ""},
		{"Polygon", `[[[4.3,52.06],[4.31,52.06],[4.31,52.07],[4.3,52.06]]]`, 1, 1, ""},
		{"MultiPolygon", `[[[[4.3,52.06],[4.31,52.06],[4.31,52.07],[4.3,52.06]]],[[[4.3,52.06],[4.31,52.06],[4.31,52.07],[4.3,52.06]]]]`, 2, 2, ""},
		{"Point", `[4.3]`, 0, 0, "needs 2"},
		{"Point", `[400,52]`, 0, 0, "not a longitude"},
		{"GeometryCollection", `[]`, 0, 0, "unsupported geometry type"},
	}
	for _, tt := range tests {
		parts, polys, err := DecodeGeometry(tt.typ, json.RawMessage(tt.coords))
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("%s %s: err %v, want %q", tt.typ, tt.coords, err, tt.err)
			}
			continue
		}
		if err != nil || len(parts) != tt.parts || len(polys) != tt.rings {
			t.Errorf("%s: %d parts, %d polygons, %v; want %d, %d", tt.typ, len(parts), len(polys), err, tt.parts, tt.rings)
		}
	}
}
