package sketch

import (
	"encoding/json"
	"testing"

	"github.com/buurtkaart/buurtkaart/wasm/atlas"
	"github.com/buurtkaart/buurtkaart/wasm/kind"
)

// A place is drawn as what its data says it is; anything else keeps its
// kind's mark.
func TestPictogram(t *testing.T) {
	extra := func(k, v string) map[string]json.RawMessage { return map[string]json.RawMessage{k: json.RawMessage(v)} }
	tests := []struct {
		name  string
		place atlas.Place
		want  string
	}{
		{"a pictogram property", atlas.Place{Kind: kind.Plek, Extra: extra("pictogram", `"bankje"`)}, "i-bankje"},
		{"in English", atlas.Place{Kind: kind.Plek, Extra: extra("pictogram", `"Tree"`)}, "i-boom"},
		{"OSM: a bench", atlas.Place{Kind: kind.Plek, Extra: extra("osm", `{"amenity": "bench"}`)}, "i-bankje"},
		{"OSM: any shop", atlas.Place{Kind: kind.Plek, Extra: extra("osm", `{"name":"Bakkerij Yilmaz","shop":"bakery"}`)}, "i-winkel"},
		{"OSM: a mosque", atlas.Place{Kind: kind.Partner, Extra: extra("osm", `{"amenity":"place_of_worship","religion":"muslim"}`)}, "i-moskee"},
		{"OSM: a playground", atlas.Place{Kind: kind.Plek, Extra: extra("osm", `{"leisure":"playground"}`)}, "i-speeltuin"},
		{"OSM: a tree", atlas.Place{Kind: kind.Plek, Extra: extra("osm", `{"natural":"tree","height":12}`)}, "i-boom"},
		{"OSM tags not for a sign", atlas.Place{Kind: kind.Plek, Extra: extra("osm", `{"amenity":"parking"}`)}, "k-plek"},
		{"a tag", atlas.Place{Kind: kind.Partner, Tags: []string{"school", "Bieb"}}, "i-bieb"},
		{"the property before the tag", atlas.Place{Kind: kind.Plek, Tags: []string{"markt"}, Extra: extra("pictogram", `"moestuin"`)}, "i-moestuin"},
		{"an unknown pictogram", atlas.Place{Kind: kind.Plek, Extra: extra("pictogram", `"vuurtoren"`)}, "k-plek"},
		{"not a string", atlas.Place{Kind: kind.Plek, Extra: extra("pictogram", `12`)}, "k-plek"},
		{"a person keeps the star", atlas.Place{Kind: kind.Talent, Tags: []string{"markt"}, Extra: extra("pictogram", `"markt"`)}, "k-talent"},
		{"nothing said", atlas.Place{Kind: kind.Verhaal}, "k-verhaal"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Pictogram(tt.place)
			if got != tt.want {
				t.Errorf("Pictogram = %q, want %q", got, tt.want)
			}
			if len(iconParts[got]) == 0 {
				t.Errorf("%q has no pictogram to draw", got)
			}
		})
	}
}
