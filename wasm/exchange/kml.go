package exchange

import (
	"encoding/xml"
	"fmt"
	"strconv"
	"strings"

	"github.com/buurtkaart/buurtkaart/wasm/atlas"
	"github.com/buurtkaart/buurtkaart/wasm/kind"
)

type kmlRoot struct {
	XMLName xml.Name `xml:"kml"`
	Xmlns   string   `xml:"xmlns,attr,omitempty"`
	kmlContainer
}

// kmlContainer is a Document or Folder: both nest, to any depth.
type kmlContainer struct {
	Name       string         `xml:"name,omitempty"`
	Documents  []kmlContainer `xml:"Document"`
	Folders    []kmlContainer `xml:"Folder"`
	Placemarks []kmlPlacemark `xml:"Placemark"`
}

type kmlPlacemark struct {
	ID          string    `xml:"id,attr,omitempty"`
	Name        string    `xml:"name,omitempty"`
	Description string    `xml:"description,omitempty"`
	StyleURL    string    `xml:"styleUrl,omitempty"`
	Data        []kmlData `xml:"ExtendedData>Data"`
	kmlGeometry
}

type kmlData struct {
	Name  string `xml:"name,attr"`
	Value string `xml:"value"`
}

type kmlGeometry struct {
	Points   []kmlCoords   `xml:"Point"`
	Lines    []kmlCoords   `xml:"LineString"`
	Polygons []kmlPolygon  `xml:"Polygon"`
	Multi    []kmlGeometry `xml:"MultiGeometry"`
}

type kmlCoords struct {
	Coordinates string `xml:"coordinates"`
}

type kmlPolygon struct {
	Outer kmlCoords   `xml:"outerBoundaryIs>LinearRing"`
	Inner []kmlCoords `xml:"innerBoundaryIs>LinearRing"`
}

// flat gathers the geometries of g and all its MultiGeometries.
func (g kmlGeometry) flat() kmlGeometry {
	out := kmlGeometry{Points: g.Points, Lines: g.Lines, Polygons: g.Polygons}
	for _, m := range g.Multi {
		f := m.flat()
		out.Points = append(out.Points, f.Points...)
		out.Lines = append(out.Lines, f.Lines...)
		out.Polygons = append(out.Polygons, f.Polygons...)
	}
	return out
}

// readKML reads Placemarks in any nesting of Documents and Folders. A Point
// is a place; its kind comes from ExtendedData "kind", else its style or
// folder name ("Talenten"). A LineString is a line, a Polygon an area; the
// layer comes from ExtendedData "layer", else words in the name, style or
// folder (see kmlLayer).
func readKML(b *builder, data []byte) error {
	var k kmlRoot
	if err := xml.Unmarshal(data, &k); err != nil {
		return fmt.Errorf("exchange: not KML: %v", err)
	}
	n := 0
	var walk func(c kmlContainer, folder string)
	walk = func(c kmlContainer, folder string) {
		if b.m.Title == "" {
			b.m.Title = strings.TrimSpace(c.Name)
		}
		for _, pm := range c.Placemarks {
			b.placemark(where("placemark", n, pm.Name), pm, folder)
			n++
		}
		for _, d := range c.Documents {
			walk(d, folder)
		}
		for _, f := range c.Folders {
			walk(f, f.Name)
		}
	}
	walk(k.kmlContainer, "")
	return nil
}

func (b *builder) placemark(w string, pm kmlPlacemark, folder string) {
	data := map[string]string{}
	for _, d := range pm.Data {
		data[d.Name] = strings.TrimSpace(d.Value)
	}
	g := pm.kmlGeometry.flat()
	id := firstNonEmpty(data["id"], pm.ID)
	style := strings.TrimPrefix(pm.StyleURL, "#")
	if len(g.Lines) == 0 && len(g.Polygons) == 0 {
		if len(g.Points) != 1 {
			b.note(atlas.Error, w, fmt.Sprintf("has %d points; left out", len(g.Points)), "give each place its own Placemark")
			return
		}
		at, err := kmlPositions(g.Points[0].Coordinates)
		if err != nil || len(at) != 1 {
			b.note(atlas.Error, w, "point coordinates are not lon,lat; left out", "")
			return
		}
		p := atlas.Place{ID: id, Name: pm.Name, Note: strings.TrimSpace(pm.Description), At: at[0],
			Author: data["author"], Since: data["since"], Tags: list(data["tags"]), Links: list(data["links"])}
		for _, s := range []string{data["kind"], style, folder} {
			if k, ok := kindOf(s); ok {
				p.Kind = k
				break
			}
		}
		if p.Kind == "" && data["kind"] != "" {
			p.Kind = kind.Kind(data["kind"])
		}
		b.place(w, p, "", `add ExtendedData <Data name="kind">, or put it in a folder named after a kind ("Talenten", "Plekken", …)`)
		return
	}
	s := atlas.Shape{ID: id, Name: strings.TrimSpace(pm.Name), Area: len(g.Polygons) > 0}
	var err error
	if s.Area {
		for _, poly := range g.Polygons {
			s.Polygons = append(s.Polygons, len(s.Parts))
			for _, ring := range append([]kmlCoords{poly.Outer}, poly.Inner...) {
				var pts []atlas.Point
				if pts, err = kmlPositions(ring.Coordinates); err != nil {
					break
				}
				s.Parts = append(s.Parts, pts)
			}
		}
	} else {
		for _, l := range g.Lines {
			var pts []atlas.Point
			if pts, err = kmlPositions(l.Coordinates); err != nil {
				break
			}
			s.Parts = append(s.Parts, pts)
		}
	}
	if err != nil {
		b.note(atlas.Error, w, err.Error()+"; left out", "")
		return
	}
	if dropped := len(g.Points) + len(g.Lines)*btoi(s.Area); dropped > 0 {
		b.note(atlas.Warning, w, fmt.Sprintf("%d points or lines next to its areas are left out", dropped), "give each its own Placemark")
	}
	var guessed bool
	s.Layer, guessed = kmlLayer(data["layer"], s.Area, pm.Name, style, folder)
	if guessed {
		b.note(atlas.Warning, w, fmt.Sprintf("no layer; drawn as %s", s.Layer), `add ExtendedData <Data name="layer"> (straat, water, groen, gebouw or route), or say it in the folder's name`)
	}
	b.shape(w, s)
}

// kmlLayer picks a layer: the one ExtendedData names, else one named by a
// word in the name, style or folder; else straat for a line and groen for
// an area, with guessed true.
func kmlLayer(data string, area bool, words ...string) (l atlas.Layer, guessed bool) {
	if l, ok := layerOf(data); ok {
		return l, false
	}
	text := strings.ToLower(strings.Join(words, " "))
	has := func(ws ...string) bool {
		for _, w := range ws {
			if strings.Contains(text, w) {
				return true
			}
		}
		return false
	}
	switch {
	case !area && has("route", "wandel", "walk", "tocht", "track", "rondje"):
		return atlas.Route, false
	case !area && has("straat", "weg", "laan", "kade", "plein", "street", "road"):
		return atlas.Straat, false
	case has("water", "vijver", "gracht", "kanaal", "sloot", "pond", "canal", "river"):
		return atlas.Water, false
	case area && has("gebouw", "building", "huis", "school", "kerk", "moskee", "flat", "pand", "bieb"):
		return atlas.Gebouw, false
	case area && has("park", "tuin", "garden", "groen", "green", "plantsoen", "veld", "bos"):
		return atlas.Groen, false
	case area:
		return atlas.Groen, true
	}
	return atlas.Straat, true
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// kmlPositions reads "lon,lat[,alt] lon,lat[,alt] …".
func kmlPositions(s string) ([]atlas.Point, error) {
	var out []atlas.Point
	for _, t := range strings.Fields(s) {
		c := strings.Split(t, ",")
		if len(c) < 2 {
			return nil, fmt.Errorf("coordinate %q is not lon,lat", t)
		}
		lon, err1 := strconv.ParseFloat(c[0], 64)
		lat, err2 := strconv.ParseFloat(c[1], 64)
		if err1 != nil || err2 != nil {
			return nil, fmt.Errorf("coordinate %q is not lon,lat", t)
		}
		out = append(out, atlas.Point{Lon: lon, Lat: lat})
	}
	return out, nil
}
