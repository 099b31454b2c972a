package exchange

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
)

// Detect names the format of a file from its name's extension and, where
// that does not tell (.json, .geojson, .xml, no extension), from its
// content: Overpass JSON has "elements"; a FeatureCollection is
// overpass-turbo's when its generator says so or its features carry OSM
// ids ("@id": "way/…"), else uMap's or buurtkaart's own (GeoJSON); XML is
// GPX, KML or OSM by its root element.
func Detect(name string, data []byte) (Format, error) {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".umap":
		return UMap, nil
	case ".csv", ".tsv":
		return CSV, nil
	case ".gpx":
		return GPX, nil
	case ".kml":
		return KML, nil
	case ".osm":
		return OSM, nil
	}
	if isXML(data) {
		return detectXML(name, data)
	}
	var top struct {
		Type      string            `json:"type"`
		Generator string            `json:"generator"`
		Elements  json.RawMessage   `json:"elements"`
		Features  []json.RawMessage `json:"features"`
	}
	if err := json.Unmarshal(data, &top); err != nil {
		return "", fmt.Errorf("exchange: %s: neither JSON nor XML, and its extension names no format; say which with --from", name)
	}
	switch {
	case top.Elements != nil:
		return Overpass, nil
	case top.Type == "umap":
		return UMap, nil
	case top.Type != "FeatureCollection":
		return "", fmt.Errorf("exchange: %s: JSON of type %q is no map; give a GeoJSON FeatureCollection, Overpass JSON or a uMap backup", name, top.Type)
	case strings.Contains(strings.ToLower(top.Generator), "overpass"):
		return Overpass, nil
	}
	for _, raw := range top.Features {
		var f struct {
			ID         any                        `json:"id"`
			Properties map[string]json.RawMessage `json:"properties"`
		}
		if json.Unmarshal(raw, &f) == nil && (osmID.MatchString(fmt.Sprint(f.ID)) || osmID.MatchString(text(f.Properties, "@id"))) {
			return Overpass, nil
		}
	}
	return GeoJSON, nil
}

// osmID is an OSM element's id as osmtogeojson writes it.
var osmID = regexp.MustCompile(`^(node|way|relation)/[0-9]+$`)

func detectXML(name string, data []byte) (Format, error) {
	d := xml.NewDecoder(bytes.NewReader(data))
	for {
		tok, err := d.Token()
		if err != nil {
			return "", fmt.Errorf("exchange: %s: XML without a root element: %v", name, err)
		}
		if se, ok := tok.(xml.StartElement); ok {
			switch se.Name.Local {
			case "gpx":
				return GPX, nil
			case "kml":
				return KML, nil
			case "osm":
				return OSM, nil
			}
			return "", fmt.Errorf("exchange: %s: XML with root <%s> is no format buurtkaart reads (gpx, kml, osm)", name, se.Name.Local)
		}
	}
}
