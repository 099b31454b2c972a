package pin

import (
	"encoding/json"

	"github.com/buurtkaart/buurtkaart/wasm/atlas"
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
	var fc struct {
		Features []struct {
			ID       string `json:"id"`
			Geometry struct {
				Type        string          `json:"type"`
				Coordinates json.RawMessage `json:"coordinates"`
			} `json:"geometry"`
			Properties properties `json:"properties"`
		} `json:"features"`
	}
	if err := json.Unmarshal(data, &fc); err != nil {
		return nil, err
	}
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
	return out, nil
}
