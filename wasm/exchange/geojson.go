package exchange

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"github.com/buurtkaart/buurtkaart/wasm/atlas"
	"github.com/buurtkaart/buurtkaart/wasm/kind"
)

// gjFeature is a GeoJSON feature as uMap and osmtogeojson write them.
type gjFeature struct {
	ID         any                        `json:"id"`
	Geometry   *gjGeometry                `json:"geometry"`
	Properties map[string]json.RawMessage `json:"properties"`
}

type gjGeometry struct {
	Type        string          `json:"type"`
	Coordinates json.RawMessage `json:"coordinates"`
}

// reading is what a source's conventions say about one feature; buurtkaart's
// own properties, when the feature has them, win over it.
type reading struct {
	name, note string
	kind       kind.Kind
	layer      atlas.Layer
	kindWhy    string // why there is no kind; default "no kind"
	kindHint   string // how to set the kind in this format
	layerHint  string
	extra      map[string]json.RawMessage
	// author, since, tags and links are buurtkaart's own properties.
	author, since string
	tags, links   []string
	// osm says the properties are OpenStreetMap tags, not buurtkaart's;
	// layerTag is the tag that gave the layer ("highway=bus_stop").
	osm      bool
	layerTag string
	// placeToo makes a named line or area with a kind as well as a layer
	// both a shape and a place at its centre: OSM's school building.
	placeToo bool
}

// geoFeature adds one GeoJSON feature: a Point as a place, a line or area
// as a shape. A line or area with a kind but no layer becomes a place at
// its centre, so a school drawn as a building is still on the map.
// buurtkaart's own properties (name, kind, layer, …) win over what the
// source's conventions said, except in OSM data, whose properties are
// OSM's tags: an OSM layer=1 (a bridge) is not buurtkaart's layer.
func (b *builder) geoFeature(where string, f gjFeature, r reading) {
	if f.Geometry == nil {
		b.note(atlas.Error, where, "has no geometry; left out", "place it on the map")
		return
	}
	parts, polygons, err := decodeGeometry(f.Geometry)
	if err != nil {
		b.note(atlas.Error, where, err.Error()+"; left out", "use Point, LineString, Polygon or their Multi forms")
		return
	}
	if !r.osm {
		props := f.Properties
		if s := text(props, "name"); s != "" {
			r.name = s
		}
		if s := text(props, "note"); s != "" {
			r.note = s
		}
		if s := text(props, "kind"); s != "" {
			r.kind = kind.Kind(s)
			if k, ok := kindOf(s); ok {
				r.kind = k
			}
		}
		if s := text(props, "layer"); s != "" {
			r.layer = atlas.Layer(strings.ToLower(s))
		}
		r.author, r.since, r.tags, r.links = text(props, "author"), text(props, "since"), texts(props, "tags"), texts(props, "links")
	}
	b.feature(where, atlas.FeatureID(f.ID), f.Geometry.Type, parts, polygons, r)
}

// feature adds what one source feature makes: a place, a shape, both (a
// named school building), or nothing with a note. typ is its GeoJSON
// geometry type. Rings left open are closed, as Leaflet draws them, and
// long lines thinned (simplified), each with a warning.
func (b *builder) feature(where, id, typ string, parts [][]atlas.Point, polygons []int, r reading) {
	point := typ == "Point"
	if !point {
		parts = b.closeRings(where, parts, polygons)
		var thinned string
		if parts, thinned = simplified(parts); thinned != "" {
			b.note(atlas.Warning, where, thinned, "")
		}
	}
	asPlace := func(id string) {
		p := atlas.Place{ID: id, Name: r.name, Kind: r.kind, Note: r.note, At: centre(parts, polygons), Extra: r.extra,
			Author: r.author, Since: r.since, Tags: r.tags, Links: r.links}
		b.place(where, p, r.kindWhy, r.kindHint)
	}
	switch {
	case point && r.osm && r.layer != "" && r.kind == "":
		// A bus stop, a crossing, a street lamp: OSM puts them on the
		// street, but a point is no street, and not a place either.
		b.furniture(r.layerTag)
	case r.layer == "" && (point || r.kind != ""):
		asPlace(id)
	case r.layer == "":
		b.note(atlas.Error, where, fmt.Sprintf("a %s with no layer; left out", typ), r.layerHint)
	case !point && r.placeToo && r.kind != "" && r.name != "":
		b.shape(where, atlas.Shape{Layer: r.layer, Name: r.name, Area: polygons != nil, Parts: parts, Polygons: polygons})
		asPlace(id)
	default:
		b.shape(where, atlas.Shape{ID: id, Layer: r.layer, Name: r.name, Area: polygons != nil, Parts: parts, Polygons: polygons, Extra: r.extra})
	}
}

// closeRings closes each ring of an area whose last position is not its
// first: uMap and Leaflet draw such a ring closed, so it is no reason to
// leave the area out.
func (b *builder) closeRings(where string, parts [][]atlas.Point, polygons []int) [][]atlas.Point {
	if polygons == nil {
		return parts
	}
	open := 0
	for i, ring := range parts {
		if len(ring) >= 3 && ring[0] != ring[len(ring)-1] {
			parts[i] = append(ring[:len(ring):len(ring)], ring[0])
			open++
		}
	}
	if open > 0 {
		b.note(atlas.Warning, where, fmt.Sprintf("%d ring(s) not closed; closed them", open), "make a ring's last position its first")
	}
	return parts
}

// decodeGeometry reads coordinates with the one GeoJSON geometry reader
// (atlas.DecodeGeometry); atlas checks rings and sizes when the imported
// map is read back.
func decodeGeometry(g *gjGeometry) (parts [][]atlas.Point, polygons []int, err error) {
	return atlas.DecodeGeometry(g.Type, g.Coordinates)
}

// centre is where a place for a line or area goes: the mean of its first
// part's positions (the closing one of a ring left out).
func centre(parts [][]atlas.Point, polygons []int) atlas.Point {
	if len(parts) == 0 || len(parts[0]) == 0 {
		return atlas.Point{}
	}
	pts := parts[0]
	if polygons != nil && len(pts) > 1 {
		pts = pts[:len(pts)-1]
	}
	var c atlas.Point
	for _, p := range pts {
		c.Lon += p.Lon / float64(len(pts))
		c.Lat += p.Lat / float64(len(pts))
	}
	return c
}

// text is a property's value if it is a string (or a number, as text).
func text(props map[string]json.RawMessage, key string) string {
	raw, ok := props[key]
	if !ok {
		return ""
	}
	var v any
	json.Unmarshal(raw, &v)
	switch v := v.(type) {
	case string:
		return strings.TrimSpace(v)
	case float64:
		return strconv.FormatFloat(v, 'f', -1, 64)
	}
	return ""
}

// texts is a property that is a list of strings.
func texts(props map[string]json.RawMessage, key string) []string {
	var v []string
	if raw, ok := props[key]; ok && json.Unmarshal(raw, &v) == nil {
		return v
	}
	return nil
}

// others is props without the keys given: what a place keeps as extra.
func others(props map[string]json.RawMessage, used ...string) map[string]json.RawMessage {
	var out map[string]json.RawMessage
	for k, v := range props {
		skip := false
		for _, u := range used {
			skip = skip || k == u
		}
		if !skip {
			if out == nil {
				out = map[string]json.RawMessage{}
			}
			out[k] = v
		}
	}
	return out
}
