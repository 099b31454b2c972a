package atlas

import (
	"encoding/json"
	"slices"

	"github.com/buurtkaart/buurtkaart/wasm/internal/rawjson"
)

// A decoder reads one JSON value into a Go value, as json.Unmarshal would
// into it (wasm/internal/rawjson: no reflection in the browser's wasm).
type decoder func(d *rawjson.Decoder, v []byte)

// decode runs dst on data, as json.Unmarshal(data, …) would: data must be
// one JSON value; the first type error is returned.
func decode(data []byte, dst decoder) error {
	if err := rawjson.Check(data); err != nil {
		return err
	}
	var d rawjson.Decoder
	dst(&d, rawjson.Trim(data))
	return d.Err()
}

func text(s *string) decoder {
	return func(d *rawjson.Decoder, v []byte) { d.String(v, s) }
}

func texts(s *[]string) decoder {
	return func(d *rawjson.Decoder, v []byte) {
		rawjson.Slice(d, v, s, "[]string", (*rawjson.Decoder).String)
	}
}

func numbers(s *[]float64) decoder {
	return func(d *rawjson.Decoder, v []byte) {
		rawjson.Slice(d, v, s, "[]float64", (*rawjson.Decoder).Float)
	}
}

func anything(a *any) decoder {
	return func(d *rawjson.Decoder, v []byte) {
		if x := d.Any(v); d.Err() == nil {
			*a = x
		}
	}
}

// object reads the JSON object v as into a map[string]json.RawMessage of
// Go type typ: nil for null, each member's value a copy, the last of a
// repeated key kept.
func object(d *rawjson.Decoder, v []byte, typ string) map[string]json.RawMessage {
	var m map[string]json.RawMessage
	if d.Object(v, typ, func(k string, v []byte) {
		if m == nil {
			m = map[string]json.RawMessage{}
		}
		m[k] = slices.Clone(v)
	}) && m == nil {
		m = map[string]json.RawMessage{}
	}
	return m
}

// decodeFeature reads a feature as json.Unmarshal into a rawFeature does.
func decodeFeature(raw []byte) (rawFeature, error) {
	var f rawFeature
	err := decode(raw, func(d *rawjson.Decoder, v []byte) {
		d.Object(v, "atlas.rawFeature", func(k string, v []byte) {
			switch rawjson.Match(k, "type", "id", "geometry", "properties") {
			case 0:
				d.Field("rawFeature", "type", func() { d.String(v, &f.Type) })
			case 1:
				d.Field("rawFeature", "id", func() { anything(&f.ID)(d, v) })
			case 2:
				d.Field("rawFeature", "geometry", func() { f.Geometry = decodeGeometry(d, v, f.Geometry) })
			case 3:
				f.Properties = slices.Clone(v)
			}
		})
	})
	return f, err
}

// decodeGeometry reads a geometry object into g (allocated when nil), as
// encoding/json decodes into a *rawGeometry: null is nil.
func decodeGeometry(d *rawjson.Decoder, v []byte, g *rawGeometry) *rawGeometry {
	if rawjson.Null(v) {
		return nil
	}
	if g == nil {
		g = &rawGeometry{}
	}
	d.Object(v, "atlas.rawGeometry", func(k string, v []byte) {
		switch rawjson.Match(k, "type", "coordinates") {
		case 0:
			d.Field("rawGeometry", "type", func() { d.String(v, &g.Type) })
		case 1:
			g.Coordinates = slices.Clone(v)
		}
	})
	return g
}
