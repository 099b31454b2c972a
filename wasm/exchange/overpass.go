package exchange

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"github.com/buurtkaart/buurtkaart/wasm/atlas"
)

// readOverpass reads what overpass-turbo exports: GeoJSON from
// osmtogeojson (tags flat in properties, or under "tags" in older
// versions), or Overpass JSON ({"elements": [...]}: nodes, ways and
// relations with their geometry ('out geom') or with the nodes and ways
// they refer to, or only a centre ('out center')), or OSM XML (osm.go).
// Kinds and layers come from osmKinds and osmLayers; a feature's own
// "kind" or "layer" property wins, so a buurtkaart file reads back
// unchanged.
func readOverpass(b *builder, data []byte) error {
	if isXML(data) {
		return readOSMXML(b, data)
	}
	var top struct {
		Type     string            `json:"type"`
		Features []json.RawMessage `json:"features"`
		Elements []osmElement      `json:"elements"`
	}
	if err := json.Unmarshal(data, &top); err != nil {
		return fmt.Errorf("exchange: not Overpass JSON or GeoJSON: %v", err)
	}
	if top.Type == "FeatureCollection" {
		atlasMeta(b.m, data)
	} else if top.Elements == nil {
		return fmt.Errorf(`exchange: neither a GeoJSON FeatureCollection nor Overpass JSON with "elements"`)
	}
	for i, raw := range top.Features {
		var f gjFeature
		if err := json.Unmarshal(raw, &f); err != nil {
			b.note(atlas.Error, where("feature", i, ""), "not a GeoJSON feature; left out", "")
			continue
		}
		tags := osmTags(f.Properties)
		b.geoFeature(where("feature", i, firstNonEmpty(text(f.Properties, "name"), tags["name"])), f, osmReading(tags, f.Properties))
	}
	b.osmElements(top.Elements)
	return nil
}

// osmTags are a feature's OSM tags: under "tags" (older osmtogeojson) or
// "osm" (what readOverpass keeps), else the string properties — unless
// the feature is buurtkaart's own, with a kind or layer.
func osmTags(props map[string]json.RawMessage) map[string]string {
	tags := map[string]string{}
	for _, key := range []string{"tags", "osm"} {
		if raw, ok := props[key]; ok && json.Unmarshal(raw, &tags) == nil && len(tags) > 0 {
			return tags
		}
	}
	if own(props) {
		return tags
	}
	for k, raw := range props {
		var s string
		if !strings.HasPrefix(k, "@") && json.Unmarshal(raw, &s) == nil {
			tags[k] = s
		}
	}
	return tags
}

// osmReading says what the tags make of a feature. The tags are kept,
// as one "osm" property, so nothing of the source is lost.
func osmReading(tags map[string]string, props map[string]json.RawMessage) reading {
	k, label := osmKind(tags)
	layer, layerTag := osmLayer(tags)
	r := reading{kind: k, layer: layer, layerTag: layerTag, name: tags["name"], note: tags["description"], placeToo: !own(props), osm: !own(props)}
	list := tagList(tags)
	r.kindWhy, r.kindHint = fmt.Sprintf("no kind for tags %s", list), `set "kind"`
	r.layerHint = fmt.Sprintf(`no layer or kind for tags %s; set "layer" or "kind"`, list)
	if r.name == "" {
		// Unnamed, it is called what it is: "Bankje", or the tag's own
		// value ("vending machine") with a warning from the builder.
		r.name = label
		first, _, _ := strings.Cut(list, " ")
		if _, v, ok := strings.Cut(first, "="); ok && label == "" {
			r.name = strings.ReplaceAll(v, "_", " ")
		}
	}
	if own(props) {
		// buurtkaart's own feature: its kind and layer say it all.
		r.kind, r.layer = "", ""
		r.extra = others(props, buurtkaartProps...)
	} else if len(tags) > 0 {
		raw, _ := json.Marshal(tags)
		r.extra = map[string]json.RawMessage{"osm": raw}
	}
	return r
}

// buurtkaartProps are the properties atlas reads.
var buurtkaartProps = []string{"name", "kind", "layer", "note", "author", "since", "tags", "links"}

// own reports whether a feature is buurtkaart's: it says its kind or
// layer. OSM's own layer tag is a number (-5 to 5: which of a bridge and
// the street under it is on top), never one of buurtkaart's layers.
func own(props map[string]json.RawMessage) bool {
	if _, k := props["kind"]; k {
		return true
	}
	l := text(props, "layer")
	if l == "" {
		return false
	}
	_, err := strconv.ParseFloat(l, 64)
	return err != nil
}
