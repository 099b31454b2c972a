package pin

import (
	"github.com/buurtkaart/buurtkaart/wasm/atlas"
	"github.com/buurtkaart/buurtkaart/wasm/internal/rawjson"
	"github.com/buurtkaart/buurtkaart/wasm/kind"
)

// FeatureCollection is pins as GeoJSON, the shape GET /api/pins returns.
type FeatureCollection struct {
	Type     string    `json:"type"`
	Features []Feature `json:"features"`
}

// Feature is one pin as a GeoJSON Point feature.
type Feature struct {
	Type       string     `json:"type"`
	ID         string     `json:"id"`
	Geometry   geometry   `json:"geometry"`
	Properties properties `json:"properties"`
}

type geometry struct {
	Type        string     `json:"type"`
	Coordinates [2]float64 `json:"coordinates"`
}

type properties struct {
	Kind    string `json:"kind"`
	Name    string `json:"name,omitempty"`
	Note    string `json:"note"`
	Author  string `json:"author,omitempty"`
	Status  Status `json:"status,omitempty"`
	Created string `json:"created"`
}

// Collection wraps pins as a FeatureCollection, as the public may see them
// (see Pin.Public).
func Collection(ps []Pin) FeatureCollection {
	fc := FeatureCollection{Type: "FeatureCollection", Features: make([]Feature, len(ps))}
	for i, p := range ps {
		p = p.Public()
		fc.Features[i] = Feature{Type: "Feature", ID: p.ID,
			Geometry:   geometry{"Point", [2]float64{p.Lon, p.Lat}},
			Properties: properties{string(p.Kind), p.Name, p.Note, p.Author, p.Status, p.Created}}
	}
	return fc
}

// ParseCollection reads what Collection wrote, e.g. the answer of GET
// /api/pins in the browser. Features that do not form a valid pin (not a
// Point, an unknown kind) are skipped, not fatal: the map shows what it
// can. Geometry goes through the one reader, atlas.DecodeGeometry.
func ParseCollection(data []byte) ([]Pin, error) {
	fc, err := decodeCollection(data)
	if err != nil {
		return nil, err
	}
	return pins(fc), nil
}

// pins are the valid pins of a collection.
func pins(fc collection) []Pin {
	out := make([]Pin, 0, len(fc.Features))
	for _, f := range fc.Features {
		if f.Geometry.Type != "Point" {
			continue
		}
		parts, _, err := atlas.DecodeGeometry(f.Geometry.Type, f.Geometry.Coordinates)
		if err != nil {
			continue
		}
		at := parts[0][0]
		p := Pin{ID: f.ID, Lon: at.Lon, Lat: at.Lat,
			Kind: kind.Kind(f.Properties.Kind), Name: f.Properties.Name, Note: f.Properties.Note,
			Author: f.Properties.Author, ShowAuthor: f.Properties.Author != "", Status: f.Properties.Status, Created: f.Properties.Created}
		if p.Kind.Valid() {
			out = append(out, p)
		}
	}
	return out
}

// collection is what ParseCollection reads of a FeatureCollection.
type collection struct{ Features []collectionFeature }

type collectionFeature struct {
	ID       string
	Geometry struct {
		Type        string
		Coordinates []byte
	}
	Properties properties
}

// The Go types encoding/json named in its errors when ParseCollection
// decoded into an anonymous struct; its errors keep them
// (TestParseCollectionErrors).
const (
	geometryType   = `struct { Type string "json:\"type\""; Coordinates json.RawMessage "json:\"coordinates\"" }`
	featureType    = `struct { ID string "json:\"id\""; Geometry ` + geometryType + ` "json:\"geometry\""; Properties pin.properties "json:\"properties\"" }`
	collectionType = `struct { Features []` + featureType + ` "json:\"features\"" }`
)

// decodeCollection reads data as json.Unmarshal did into the anonymous
// struct ParseCollection used (wasm/internal/rawjson: no reflection in
// the browser's wasm).
func decodeCollection(data []byte) (collection, error) {
	var fc collection
	if err := rawjson.Check(data); err != nil {
		return fc, err
	}
	var d rawjson.Decoder
	d.Object(rawjson.Trim(data), collectionType, func(k string, v []byte) {
		if rawjson.Match(k, "features") != 0 {
			return
		}
		d.Field("", "features", func() {
			rawjson.Slice(&d, v, &fc.Features, "[]"+featureType, func(d *rawjson.Decoder, v []byte, f *collectionFeature) {
				d.Object(v, featureType, func(k string, v []byte) {
					switch rawjson.Match(k, "id", "geometry", "properties") {
					case 0:
						d.Field("", "id", func() { d.String(v, &f.ID) })
					case 1:
						d.Field("", "geometry", func() {
							d.Object(v, geometryType, func(k string, v []byte) {
								switch rawjson.Match(k, "type", "coordinates") {
								case 0:
									d.Field("", "type", func() { d.String(v, &f.Geometry.Type) })
								case 1:
									f.Geometry.Coordinates = v
								}
							})
						})
					case 2:
						d.Field("", "properties", func() { decodeProperties(d, v, &f.Properties) })
					}
				})
			})
		})
	})
	return fc, d.Err()
}

// decodeProperties reads a pin's properties as into a properties.
func decodeProperties(d *rawjson.Decoder, v []byte, p *properties) {
	fields := []*string{&p.Kind, &p.Name, &p.Note, &p.Author, (*string)(&p.Status), &p.Created}
	d.Object(v, "pin.properties", func(k string, v []byte) {
		i := rawjson.Match(k, "kind", "name", "note", "author", "status", "created")
		if i < 0 {
			return
		}
		d.Field("properties", []string{"kind", "name", "note", "author", "status", "created"}[i], func() {
			typ := "string"
			if i == 4 {
				typ = "pin.Status"
			}
			d.Text(v, fields[i], typ)
		})
	})
}
