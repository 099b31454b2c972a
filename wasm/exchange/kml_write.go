package exchange

import (
	"io"
	"strings"

	"github.com/buurtkaart/buurtkaart/wasm/atlas"
)

// writeKML writes every place (the map's, then more) and shape as a
// Placemark, with what KML has no element for (kind, layer, id, author, …)
// as ExtendedData, which Google Earth and My Maps show and readKML reads
// back. Placemarks go out one at a time: see Stream.
func writeKML(w io.Writer, m *atlas.Map, more Places) error {
	x := newXMLStream(w, "kml", "xmlns", "http://www.opengis.net/kml/2.2")
	x.start("Document")
	if m.Title != "" {
		x.element("name", m.Title)
	}
	for _, p := range m.Places {
		x.element("Placemark", kmlPlace(p))
	}
	for p, err := range more {
		if err != nil {
			return err
		}
		x.element("Placemark", kmlPlace(p))
	}
	for _, s := range m.Shapes {
		x.element("Placemark", kmlShape(s))
	}
	x.end("Document")
	return x.close(w, "kml")
}

func kmlPlace(p atlas.Place) kmlPlacemark {
	pm := kmlPlacemark{Name: p.Name, Description: p.Note,
		Data: kmlDataOf("kind", string(p.Kind), "id", p.ID, "author", p.Author, "since", p.Since,
			"tags", strings.Join(p.Tags, ", "), "links", strings.Join(p.Links, ", "))}
	pm.Points = []kmlCoords{{kmlCoordinates([]atlas.Point{p.At})}}
	return pm
}

func kmlShape(s atlas.Shape) kmlPlacemark {
	pm := kmlPlacemark{Name: s.Name, Data: kmlDataOf("layer", string(s.Layer), "id", s.ID)}
	var g kmlGeometry
	switch {
	case s.Area:
		starts := s.Polygons
		if len(starts) == 0 {
			starts = []int{0}
		}
		for i, start := range starts {
			end := len(s.Parts)
			if i+1 < len(starts) {
				end = starts[i+1]
			}
			poly := kmlPolygon{Outer: kmlCoords{kmlCoordinates(s.Parts[start])}}
			for _, ring := range s.Parts[start+1 : end] {
				poly.Inner = append(poly.Inner, kmlCoords{kmlCoordinates(ring)})
			}
			g.Polygons = append(g.Polygons, poly)
		}
	case len(s.Parts) == 1 && len(s.Parts[0]) == 1:
		g.Points = []kmlCoords{{kmlCoordinates(s.Parts[0])}}
	default:
		for _, part := range s.Parts {
			g.Lines = append(g.Lines, kmlCoords{kmlCoordinates(part)})
		}
	}
	if len(g.Points)+len(g.Lines)+len(g.Polygons) > 1 {
		g = kmlGeometry{Multi: []kmlGeometry{g}}
	}
	pm.kmlGeometry = g
	return pm
}

// kmlDataOf makes ExtendedData of the non-empty name, value pairs.
func kmlDataOf(pairs ...string) []kmlData {
	var out []kmlData
	for i := 0; i+1 < len(pairs); i += 2 {
		if pairs[i+1] != "" {
			out = append(out, kmlData{Name: pairs[i], Value: pairs[i+1]})
		}
	}
	return out
}

func kmlCoordinates(pts []atlas.Point) string {
	var b strings.Builder
	for i, p := range pts {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(coord(p.Lon) + "," + coord(p.Lat))
	}
	return b.String()
}
