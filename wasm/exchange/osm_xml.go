package exchange

import (
	"bytes"
	"encoding/xml"
	"fmt"
)

// OSM XML (.osm, as the OSM website's export, JOSM and Overpass's
// out:xml write it): nodes, ways with <nd ref>, relations with <member>,
// each with <tag k v>. Overpass's 'out geom' puts <nd lat lon> and
// <member><nd lat lon/></member> instead of references; both are read.
type osmXML struct {
	Nodes     []osmXMLElement `xml:"node"`
	Ways      []osmXMLElement `xml:"way"`
	Relations []osmXMLElement `xml:"relation"`
}

type osmXMLElement struct {
	ID      int64          `xml:"id,attr"`
	Lat     *float64       `xml:"lat,attr"`
	Lon     *float64       `xml:"lon,attr"`
	Tags    []osmXMLTag    `xml:"tag"`
	Nds     []osmXMLNd     `xml:"nd"`
	Members []osmXMLMember `xml:"member"`
	Center  *osmXMLNd      `xml:"center"`
}

type osmXMLTag struct {
	K string `xml:"k,attr"`
	V string `xml:"v,attr"`
}

type osmXMLNd struct {
	Ref int64    `xml:"ref,attr"`
	Lat *float64 `xml:"lat,attr"`
	Lon *float64 `xml:"lon,attr"`
}

type osmXMLMember struct {
	Type string     `xml:"type,attr"`
	Ref  int64      `xml:"ref,attr"`
	Role string     `xml:"role,attr"`
	Nds  []osmXMLNd `xml:"nd"`
}

// readOSMXML reads an .osm file into Overpass JSON's elements, so both
// are mapped by the same code (osmElements).
func readOSMXML(b *builder, data []byte) error {
	var f osmXML
	if err := xml.Unmarshal(data, &f); err != nil {
		return fmt.Errorf("exchange: not OSM XML: %v", err)
	}
	var els []osmElement
	for _, l := range []struct {
		typ  string
		list []osmXMLElement
	}{{"node", f.Nodes}, {"way", f.Ways}, {"relation", f.Relations}} {
		for _, x := range l.list {
			els = append(els, x.element(l.typ))
		}
	}
	b.osmElements(els)
	return nil
}

func (x osmXMLElement) element(typ string) osmElement {
	e := osmElement{Type: typ, ID: x.ID, Lat: x.Lat, Lon: x.Lon}
	if len(x.Tags) > 0 {
		e.Tags = map[string]string{}
		for _, t := range x.Tags {
			e.Tags[t.K] = t.V
		}
	}
	if x.Center != nil && x.Center.Lat != nil && x.Center.Lon != nil {
		e.Center = &osmLatLon{Lat: *x.Center.Lat, Lon: *x.Center.Lon}
	}
	for _, nd := range x.Nds {
		e.Nodes = append(e.Nodes, nd.Ref)
		e.Geometry = append(e.Geometry, nd.position())
	}
	if !hasPositions(e.Geometry) {
		e.Geometry = nil // references only: looked up in the file's nodes
	}
	for _, m := range x.Members {
		om := osmMember{Type: m.Type, Ref: m.Ref, Role: m.Role}
		for _, nd := range m.Nds {
			om.Geometry = append(om.Geometry, nd.position())
		}
		e.Members = append(e.Members, om)
	}
	return e
}

func (nd osmXMLNd) position() *osmLatLon {
	if nd.Lat == nil || nd.Lon == nil {
		return nil
	}
	return &osmLatLon{Lat: *nd.Lat, Lon: *nd.Lon}
}

func hasPositions(g []*osmLatLon) bool {
	for _, p := range g {
		if p != nil {
			return true
		}
	}
	return false
}

// isXML reports whether data starts, after a byte order mark and white
// space, with "<".
func isXML(data []byte) bool {
	data = bytes.TrimLeft(bytes.TrimPrefix(data, []byte("\uFEFF")), " \t\r\n")
	return len(data) > 0 && data[0] == '<'
}
