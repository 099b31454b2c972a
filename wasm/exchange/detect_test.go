package exchange

import "testing"

func TestDetect(t *testing.T) {
	tests := []struct {
		name, data string
		want       Format
	}{
		{"buurt.umap", `{}`, UMap},
		{"plekken.csv", ``, CSV},
		{"walk.gpx", ``, GPX},
		{"mymaps.kml", ``, KML},
		{"map.osm", ``, OSM},
		{"export.geojson", `{"type": "FeatureCollection", "generator": "overpass-turbo", "features": []}`, Overpass},
		{"export.geojson", `{"type": "FeatureCollection", "features": [{"type": "Feature", "id": "way/12", "properties": {}}]}`, Overpass},
		{"export.geojson", `{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"@id": "node/3"}}]}`, Overpass},
		{"interpreter.json", `{"version": 0.6, "elements": []}`, Overpass},
		{"backup.json", `{"type": "umap", "layers": []}`, UMap},
		{"kaart.geojson", `{"type": "FeatureCollection", "features": [{"type": "Feature", "id": "t1", "properties": {"kind": "talent"}}]}`, GeoJSON},
		{"download", `<?xml version="1.0"?><osm version="0.6"></osm>`, OSM},
		{"download.xml", "\uFEFF <gpx></gpx>", GPX},
		{"download", `<kml xmlns="http://www.opengis.net/kml/2.2"></kml>`, KML},
	}
	for _, tt := range tests {
		if got, err := Detect(tt.name, []byte(tt.data)); got != tt.want || err != nil {
			t.Errorf("%s %.40s: %q, %v; want %q", tt.name, tt.data, got, err, tt.want)
		}
	}
	for _, bad := range []string{`{"type": "Point"}`, `<svg></svg>`, `naam;soort`} {
		if got, err := Detect("x", []byte(bad)); err == nil {
			t.Errorf("%s: %q, want an error", bad, got)
		}
	}
}
