package sketch

import (
	"slices"
	"strings"

	"github.com/buurtkaart/buurtkaart/wasm/atlas"
	"github.com/buurtkaart/buurtkaart/wasm/internal/rawjson"
	"github.com/buurtkaart/buurtkaart/wasm/kind"
)

// signs are the things a place can be that have a sign of their own, in
// priority order: each its id (Dutch, as a tag or a `pictogram` property
// names it), the English words a `pictogram` property may use instead,
// and the OpenStreetMap tags that say so (key=value, or key=* for any).
var signs = [...][]string{
	{"bankje", "bench", "amenity=bench", "leisure=picnic_table"},
	{"markt", "market", "amenity=marketplace"},
	{"moestuin", "garden", "allotment", "landuse=allotments", "leisure=garden", "garden:type=community"},
	{"speeltuin", "playground", "leisure=playground"},
	{"moskee", "mosque", "religion=muslim", "building=mosque"},
	{"kerk", "church", "religion=christian", "building=church"},
	{"winkel", "shop", "shop=*"},
	{"bieb", "library", "amenity=library", "amenity=public_bookcase"},
	{"boom", "tree", "park", "natural=tree", "natural=tree_row", "leisure=park"},
}

// Pictogram returns the pictogram a place is drawn with (an id for Icon):
// for a place or a partner, what its data says it is — a `pictogram`
// property ("bankje", or "bench"), else its OpenStreetMap tags (the
// import keeps them in the "osm" property), else one of its tags — and
// otherwise its kind's mark. A talent, a club or a story keeps its kind's
// mark whatever it is tagged: a talent tagged "markt" is a person.
func Pictogram(p atlas.Place) string {
	if p.Kind != kind.Plek && p.Kind != kind.Partner {
		return "k-" + string(p.Kind)
	}
	// Only places with such properties pay for reading them (marks are
	// drawn again on every redraw, of up to 10,000 places).
	var word string
	var osm map[string]string
	if len(p.Extra) > 0 {
		word, osm = pictogramWord(p.Extra["pictogram"]), osmTags(p.Extra["osm"])
	}
	for pass := range 2 { // the data first, then the tags
		for _, s := range signs {
			for _, w := range s {
				k, v, tag := strings.Cut(w, "=")
				got := osm[k]
				if pass == 0 && (tag && got != "" && (v == "*" || v == got) || !tag && strings.EqualFold(w, word)) ||
					pass == 1 && w == s[0] && slices.ContainsFunc(p.Tags, func(t string) bool { return strings.EqualFold(t, w) }) {
					return "i-" + s[0]
				}
			}
		}
	}
	return "k-" + string(p.Kind)
}

// pictogramWord is the "pictogram" property's text, "" when it is not a
// JSON string (read as json.Unmarshal into a string would, errors ignored).
func pictogramWord(raw []byte) string {
	var word string
	if rawjson.Check(raw) == nil {
		var d rawjson.Decoder
		if v := rawjson.Trim(raw); v[0] == '"' {
			d.String(v, &word)
		}
	}
	return word
}

// osmTags are the "osm" property's members whose values are text, the
// last of a repeated key deciding, as json.Unmarshal into a map[string]any
// would give them (errors ignored).
func osmTags(raw []byte) map[string]string {
	if rawjson.Check(raw) != nil {
		return nil
	}
	var osm map[string]string
	var d rawjson.Decoder
	d.Object(rawjson.Trim(raw), "map[string]interface {}", func(k string, v []byte) {
		if osm == nil {
			osm = map[string]string{}
		}
		if v[0] == '"' {
			osm[k] = rawjson.Unquote(v)
		} else {
			delete(osm, k)
		}
	})
	return osm
}
