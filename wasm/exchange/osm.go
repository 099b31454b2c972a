package exchange

import (
	"sort"
	"strings"

	"github.com/buurtkaart/buurtkaart/wasm/atlas"
	"github.com/buurtkaart/buurtkaart/wasm/kind"
)

// osmKinds maps OpenStreetMap tags to the kind of a place. The first row
// that matches wins, so specific rows come before a key's "*" row. The
// same table is in geodata/README.md; keep them in step.
//
// craft=* is a plek, not a talent: in OSM it marks a workshop or business
// (a tailor's, a bike repair shop), an economic place. Talent is what a
// resident can do, which OSM does not map; set "kind": "talent" by hand
// when the craft is one person's.
var osmKinds = []struct {
	key, value string
	kind       kind.Kind
	label      string // the name of an unnamed one
}{
	{"amenity", "bench", kind.Plek, "Bankje"},
	{"amenity", "community_centre", kind.Plek, "Buurthuis"},
	{"amenity", "marketplace", kind.Plek, "Markt"},
	{"amenity", "cafe", kind.Plek, "Café"},
	{"amenity", "restaurant", kind.Plek, "Restaurant"},
	{"amenity", "fast_food", kind.Plek, "Snackbar"},
	{"amenity", "drinking_water", kind.Plek, "Watertappunt"},
	{"amenity", "library", kind.Partner, "Bibliotheek"},
	{"amenity", "school", kind.Partner, "School"},
	{"amenity", "kindergarten", kind.Partner, "Kinderopvang"},
	{"amenity", "place_of_worship", kind.Partner, "Gebedshuis"},
	{"amenity", "social_facility", kind.Partner, "Zorg en welzijn"},
	{"amenity", "townhall", kind.Partner, "Stadsdeelkantoor"},
	{"amenity", "doctors", kind.Partner, "Huisarts"},
	{"amenity", "clinic", kind.Partner, "Gezondheidscentrum"},
	{"leisure", "playground", kind.Plek, "Speeltuin"},
	{"leisure", "park", kind.Plek, "Park"},
	{"leisure", "garden", kind.Plek, "Tuin"},
	{"leisure", "pitch", kind.Plek, "Sportveld"},
	{"leisure", "sports_centre", kind.Plek, "Sporthal"},
	{"office", "association", kind.Verband, "Vereniging"},
	{"office", "ngo", kind.Partner, "Organisatie"},
	{"club", "*", kind.Verband, "Club"},
	{"historic", "*", kind.Verhaal, "Historische plek"},
	{"shop", "*", kind.Plek, "Winkel"},
	{"craft", "*", kind.Plek, "Werkplaats"},
}

// osmLayers maps tags of a line or area to a layer of the drawing. A line
// or area that matches none, but has a kind, becomes a place at its centre.
var osmLayers = []struct {
	key, value string
	layer      atlas.Layer
}{
	{"highway", "*", atlas.Straat},
	{"waterway", "*", atlas.Water},
	{"natural", "water", atlas.Water},
	{"leisure", "park", atlas.Groen},
	{"leisure", "garden", atlas.Groen},
	{"landuse", "grass", atlas.Groen},
	{"natural", "wood", atlas.Groen},
	{"building", "*", atlas.Gebouw},
	{"route", "hiking", atlas.Route}, // a route relation: a walk
	{"route", "foot", atlas.Route},
	{"route", "walking", atlas.Route},
}

func matches(tags map[string]string, key, value string) bool {
	v, ok := tags[key]
	return ok && v != "no" && (value == "*" || v == value)
}

// osmKind returns the kind and the label for an unnamed place.
func osmKind(tags map[string]string) (kind.Kind, string) {
	for _, r := range osmKinds {
		if matches(tags, r.key, r.value) {
			return r.kind, r.label
		}
	}
	return "", ""
}

// osmLayer returns the layer of a line or area and the tag that says it
// ("highway=residential").
func osmLayer(tags map[string]string) (atlas.Layer, string) {
	for _, r := range osmLayers {
		if matches(tags, r.key, r.value) {
			return r.layer, r.key + "=" + tags[r.key]
		}
	}
	return "", ""
}

// tagList is tags as "k=v" in sorted order, without name and its kin, for
// notes: "amenity=vending_machine vending=parking_tickets".
func tagList(tags map[string]string) string {
	var l []string
	for k, v := range tags {
		if !strings.HasPrefix(k, "name") && !strings.HasPrefix(k, "@") && k != "id" {
			l = append(l, k+"="+v)
		}
	}
	sort.Strings(l)
	if len(l) > 6 {
		l = append(l[:6], "…")
	}
	return strings.Join(l, " ")
}
