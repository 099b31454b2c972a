package exchange

import (
	"encoding/xml"
	"fmt"
	"strconv"
	"strings"

	"github.com/buurtkaart/buurtkaart/wasm/atlas"
	"github.com/buurtkaart/buurtkaart/wasm/kind"
)

// GPX 1.1 (1.0 reads too: the element names are the same where it counts).
type gpxFile struct {
	XMLName  xml.Name   `xml:"gpx"`
	Version  string     `xml:"version,attr,omitempty"`
	Creator  string     `xml:"creator,attr,omitempty"`
	Xmlns    string     `xml:"xmlns,attr,omitempty"`
	Metadata *gpxMeta   `xml:"metadata"`
	Name     string     `xml:"name,omitempty"` // GPX 1.0 has it here
	Wpts     []gpxPoint `xml:"wpt"`
	Rtes     []gpxRoute `xml:"rte"`
	Trks     []gpxTrack `xml:"trk"`
}

type gpxMeta struct {
	Name string `xml:"name,omitempty"`
}

type gpxPoint struct {
	Lat  string `xml:"lat,attr"`
	Lon  string `xml:"lon,attr"`
	Name string `xml:"name,omitempty"`
	Cmt  string `xml:"cmt,omitempty"`
	Desc string `xml:"desc,omitempty"`
	Sym  string `xml:"sym,omitempty"`
	Type string `xml:"type,omitempty"`
}

type gpxRoute struct {
	Name   string     `xml:"name,omitempty"`
	Type   string     `xml:"type,omitempty"`
	Points []gpxPoint `xml:"rtept"`
}

type gpxTrack struct {
	Name string   `xml:"name,omitempty"`
	Type string   `xml:"type,omitempty"`
	Segs []gpxSeg `xml:"trkseg"`
}

type gpxSeg struct {
	Points []gpxPoint `xml:"trkpt"`
}

// readGPX reads waypoints as places (kind from <type>, else <sym>; note
// from <desc>, else <cmt>) and routes and tracks as lines of the drawing:
// the layer <type> names, else route.
func readGPX(b *builder, data []byte) error {
	var g gpxFile
	if err := xml.Unmarshal(data, &g); err != nil {
		return fmt.Errorf("exchange: not GPX: %v", err)
	}
	b.m.Title = g.Name
	if g.Metadata != nil && g.Metadata.Name != "" {
		b.m.Title = g.Metadata.Name
	}
	for i, w := range g.Wpts {
		at, ok := b.gpxPosition(where("waypoint", i, w.Name), w)
		if !ok {
			continue
		}
		p := atlas.Place{Name: w.Name, Note: strings.TrimSpace(firstNonEmpty(w.Desc, w.Cmt)), At: at}
		if s := firstNonEmpty(w.Type, w.Sym); s != "" {
			p.Kind = kind.Kind(s)
			if k, ok := kindOf(s); ok {
				p.Kind = k
			} else if w.Type == "" {
				p.Kind = "" // a GPS symbol ("Flag, Blue") is no kind, and no mistake
			}
		}
		b.place(where("waypoint", i, w.Name), p, "", "set its <type> to talent, verband, plek, verhaal or partner")
	}
	for i, r := range g.Rtes {
		b.gpxLine(where("route", i, r.Name), r.Name, r.Type, [][]gpxPoint{r.Points})
	}
	for i, t := range g.Trks {
		segs := make([][]gpxPoint, len(t.Segs))
		for k, s := range t.Segs {
			segs[k] = s.Points
		}
		b.gpxLine(where("track", i, t.Name), t.Name, t.Type, segs)
	}
	return nil
}

func (b *builder) gpxLine(w, name, typ string, segs [][]gpxPoint) {
	layer, ok := layerOf(typ)
	if !ok {
		layer = atlas.Route
	}
	s := atlas.Shape{Layer: layer, Name: strings.TrimSpace(name)}
	for _, seg := range segs {
		var part []atlas.Point
		for _, pt := range seg {
			at, ok := b.gpxPosition(w, pt)
			if !ok {
				return
			}
			part = append(part, at)
		}
		if len(part) > 0 {
			s.Parts = append(s.Parts, part)
		}
	}
	if len(s.Parts) == 0 {
		b.note(atlas.Error, w, "has no points; left out", "")
		return
	}
	var thinned string
	if s.Parts, thinned = simplified(s.Parts); thinned != "" {
		b.note(atlas.Warning, w, thinned, "")
	}
	b.shape(w, s)
}

func (b *builder) gpxPosition(w string, p gpxPoint) (atlas.Point, bool) {
	lat, err1 := strconv.ParseFloat(strings.TrimSpace(p.Lat), 64)
	lon, err2 := strconv.ParseFloat(strings.TrimSpace(p.Lon), 64)
	if err1 != nil || err2 != nil {
		b.note(atlas.Error, w, fmt.Sprintf("lat %q, lon %q are not numbers; left out", p.Lat, p.Lon), "")
		return atlas.Point{}, false
	}
	return atlas.Point{Lon: lon, Lat: lat}, true
}
