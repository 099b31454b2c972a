package atlas

import (
	"strconv"
	"strings"

	"github.com/buurtkaart/buurtkaart/wasm/kind"
)

// feature reads one feature into m, or reports why it cannot.
func (p *parser) feature(m *Map, i int, raw []byte) {
	f, err := decodeFeature(raw)
	if err != nil {
		p.report(Error, i, "", "", "not a GeoJSON feature: "+strings.TrimPrefix(err.Error(), "json: "),
			`each feature is {"type":"Feature","geometry":{…},"properties":{…}}`)
		return
	}
	props, ok := p.properties(i, f.Properties)
	if !ok {
		return
	}
	id := FeatureID(f.ID)
	name := strings.TrimSpace(props.Name)
	if id != "" {
		if first, dup := p.ids[id]; dup {
			p.report(Error, i, id, name, "duplicate id "+strconv.Quote(id)+" (also feature "+strconv.Itoa(first)+")",
				"give every feature its own id")
			return
		}
		p.ids[id] = i
	}
	if f.Geometry == nil {
		p.report(Error, i, id, name, "has no geometry", "place it on the map: a Point for a place, a LineString or Polygon for the drawing")
		return
	}
	parts, polygons, ok := p.geometry(i, id, name, f.Geometry)
	if !ok {
		return
	}
	if props.Layer != "" {
		p.shape(m, Shape{ID: id, Feature: i, Layer: Layer(strings.ToLower(props.Layer)), Name: name,
			Area: polygons != nil, Parts: parts, Polygons: polygons, Extra: props.shapeExtra()})
		return
	}
	if f.Geometry.Type != "Point" {
		p.report(Error, i, id, name, "a "+string(f.Geometry.Type)+" without a layer",
			`give it "layer": "straat", "water", "groen", "gebouw" or "route" to make it part of the drawing, or make it a Point to make it a place`)
		return
	}
	p.place(m, i, id, name, props, parts[0][0])
}

func (p *parser) shape(m *Map, s Shape) {
	if !s.Layer.valid() {
		p.report(Error, s.Feature, s.ID, s.Name, "unknown layer "+strconv.Quote(string(s.Layer)),
			`use "straat", "water", "groen", "gebouw" or "route"`)
		return
	}
	m.Shapes = append(m.Shapes, s)
}

func (p *parser) place(m *Map, i int, id, name string, props rawProps, at Point) {
	if name == "" {
		p.report(Error, i, id, "", "place has no name", `add "name": a few words the map can show`)
		return
	}
	k, ok := kind.Parse(props.Kind)
	if !ok {
		if props.Kind == "" {
			p.report(Error, i, id, name, "place has no kind", `add "kind": talent, verband, plek, verhaal or partner`)
		} else {
			p.report(Error, i, id, name, "unknown kind "+strconv.Quote(props.Kind),
				"did you mean "+strconv.Quote(string(kind.Nearest(props.Kind)))+"? kinds are talent, verband, plek, verhaal and partner")
		}
		return
	}
	if p.boundsSet && !m.Bounds.Contains(at) {
		p.report(Warning, i, id, name, "lies outside the map's bbox at "+strconv.FormatFloat(at.Lon, 'f', 6, 64)+", "+strconv.FormatFloat(at.Lat, 'f', 6, 64),
			"move it inside, or widen the bbox")
	}
	m.Places = append(m.Places, Place{
		ID: id, Feature: i, Name: name, Kind: k, Note: strings.TrimSpace(props.Note),
		Author: strings.TrimSpace(props.Author), Since: sinceText(props.Since),
		Tags: props.Tags, Links: props.Links, At: at, Extra: props.extra,
	})
}

// FeatureID reads a feature id, which GeoJSON allows to be a string or
// number, as text ("" for anything else).
func FeatureID(v any) string {
	switch v := v.(type) {
	case string:
		return v
	case float64:
		return strconv.FormatFloat(v, 'f', -1, 64)
	}
	return ""
}

func sinceText(v any) string {
	switch v := v.(type) {
	case string:
		return v
	case float64:
		return strconv.FormatFloat(v, 'f', -1, 64)
	}
	return ""
}
