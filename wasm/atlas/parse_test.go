package atlas

import (
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
