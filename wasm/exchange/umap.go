package exchange

import (
	"encoding/json"
	"fmt"

	"github.com/buurtkaart/buurtkaart/wasm/atlas"
)

// uMap's two export forms: a .umap backup holds the map's properties and
// its layers, each a FeatureCollection named in _umap_options; the GeoJSON
// export is one FeatureCollection.
type umapFile struct {
	Type       string `json:"type"`
	Properties struct {
		Name        string `json:"name"`
		Description string `json:"description"`
	} `json:"properties"`
	Layers []umapLayer `json:"layers"`
	umapLayer
}

type umapLayer struct {
	Features []json.RawMessage `json:"features"`
	Options  struct {
		Name string `json:"name"`
	} `json:"_umap_options"`
	Name string `json:"name"` // a buurtkaart file's title (GeoJSON export)
}

// readUMap reads a .umap backup or any GeoJSON FeatureCollection — a
// buurtkaart map file among them, losslessly. A feature's kind comes from
// its "kind" property, else from its layer's name ("Talenten", "Plekken");
// description becomes the note; _umap_options and other properties are kept.
func readUMap(b *builder, data []byte) error {
	var f umapFile
	if err := json.Unmarshal(data, &f); err != nil {
		return fmt.Errorf("exchange: not uMap JSON: %v", err)
	}
	switch f.Type {
	case "umap":
		b.m.Title = f.Properties.Name
	case "FeatureCollection":
		atlasMeta(b.m, data)
		f.Layers = []umapLayer{f.umapLayer}
	default:
		return fmt.Errorf("exchange: type %q is neither a uMap backup (\"umap\") nor a FeatureCollection", f.Type)
	}
	n := 0
	for _, l := range f.Layers {
		layerKind, _ := kindOf(l.Options.Name)
		layer, _ := layerOf(l.Options.Name)
		for _, raw := range l.Features {
			var gf gjFeature
			if err := json.Unmarshal(raw, &gf); err != nil {
				b.note(atlas.Error, where("feature", n, ""), "not a GeoJSON feature; left out", "")
				n++
				continue
			}
			r := reading{kind: layerKind, layer: layer, note: text(gf.Properties, "description"),
				kindHint:  `set "kind" in its properties, or name its uMap layer after a kind ("Talenten", "Plekken", …)`,
				layerHint: `set "layer" (straat, water, groen, gebouw or route) in its properties, or name its uMap layer after one`,
				extra:     others(gf.Properties, append(buurtkaartProps, "description")...)}
			if gf.Geometry != nil && gf.Geometry.Type != "Point" && r.layer == "" && text(gf.Properties, "layer") == "" && text(gf.Properties, "kind") == "" {
				// uMap's lines are mostly walks and its polygons mostly
				// parks; say so rather than leave them out.
				r.layer = atlas.Route
				if gf.Geometry.Type == "Polygon" || gf.Geometry.Type == "MultiPolygon" {
					r.layer = atlas.Groen
				}
				b.note(atlas.Warning, where("feature", n, text(gf.Properties, "name")), fmt.Sprintf("no layer; drawn as %s", r.layer), r.layerHint)
			}
			b.geoFeature(where("feature", n, text(gf.Properties, "name")), gf, r)
			n++
		}
	}
	return nil
}

// atlasMeta copies a FeatureCollection's map members (title, buurt, …) the
// way atlas reads them, so a buurtkaart file imports with its metadata.
func atlasMeta(m *atlas.Map, data []byte) {
	var meta struct {
		Title, Name, Buurt, Language, Attribution, Moderation string
		CBS                                                   []string
	}
	if err := json.Unmarshal(data, &meta); err != nil {
		return // a member of an odd type: leave the metadata out, not the places
	}
	m.Title = firstNonEmpty(meta.Title, meta.Name, meta.Buurt)
	m.Buurt, m.CBS, m.Language, m.Attribution, m.Moderation = meta.Buurt, meta.CBS, meta.Language, meta.Attribution, meta.Moderation
}

func firstNonEmpty(s ...string) string {
	for _, v := range s {
		if v != "" {
			return v
		}
	}
	return ""
}
