package atlas

import (
	"encoding/json"
	"strconv"

	"github.com/buurtkaart/buurtkaart/wasm/internal/rawjson"
)

// rawProps are the properties buurtkaart reads; extra holds the rest.
type rawProps struct {
	Name   string
	Kind   string
	Layer  string
	Note   string
	Author string
	Since  any
	Tags   []string
	Links  []string

	extra map[string]json.RawMessage
	// placeOnly keeps, raw, what a place reads but a shape does not (kind,
	// note, …): a shape's extras hold them. An array, not a map, so places —
	// nearly every feature — allocate nothing for it.
	placeOnly [len(placeOnlyKeys)]json.RawMessage
}

var placeOnlyKeys = [...]string{"kind", "note", "author", "since", "tags", "links"}

const propsHint = "name, kind, layer, note, author and since are text; tags and links are lists of text"

// properties decodes a feature's properties. A known property of the wrong
// type makes the feature an error, as encoding/json into a struct would.
func (p *parser) properties(i int, raw json.RawMessage) (rawProps, bool) {
	var props rawProps
	if len(raw) == 0 || string(raw) == "null" {
		return props, true
	}
	var all map[string]json.RawMessage
	if err := decode(raw, func(d *rawjson.Decoder, v []byte) { all = object(d, v, "map[string]json.RawMessage") }); err != nil {
		p.report(Error, i, "", "", "properties is not an object", propsHint)
		return props, false
	}
	for _, f := range []struct {
		key string
		dst decoder
	}{{"name", text(&props.Name)}, {"layer", text(&props.Layer)}} {
		if !p.property(i, all, f.key, f.dst, nil) {
			return props, false
		}
	}
	for k, dst := range [...]decoder{text(&props.Kind), text(&props.Note), text(&props.Author), anything(&props.Since), texts(&props.Tags), texts(&props.Links)} {
		if !p.property(i, all, placeOnlyKeys[k], dst, &props.placeOnly[k]) {
			return props, false
		}
	}
	if len(all) > 0 {
		props.extra = all
	}
	return props, true
}

// property decodes one known property, keeping it raw in keep if asked.
func (p *parser) property(i int, all map[string]json.RawMessage, key string, dst decoder, keep *json.RawMessage) bool {
	v := take(all, key)
	if v == nil {
		return true
	}
	if err := decode(v, dst); err != nil {
		p.report(Error, i, "", "", "properties: "+strconv.Quote(key)+" "+typeProblem(err), propsHint)
		return false
	}
	if keep != nil {
		*keep = v
	}
	return true
}

// shapeExtra is what a shape keeps besides layer and name.
func (r rawProps) shapeExtra() map[string]json.RawMessage {
	out := r.extra
	for k, v := range r.placeOnly {
		if v == nil {
			continue
		}
		if out == nil {
			out = map[string]json.RawMessage{}
		}
		out[placeOnlyKeys[k]] = v
	}
	return out
}
