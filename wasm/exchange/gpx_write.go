package exchange

import (
	"fmt"
	"io"

	"github.com/buurtkaart/buurtkaart/wasm/atlas"
)

// writeGPX writes places (the map's, then more) as waypoints (the kind as
// <type>, the note as <desc>) and lines as tracks (the layer as <type>),
// one element at a time: see Stream. GPX has no areas and no ids, tags or
// links: the notes say what was left out.
func writeGPX(w io.Writer, m *atlas.Map, more Places) ([]Note, error) {
	x := newXMLStream(w, "gpx", "version", "1.1", "creator", "buurtkaart", "xmlns", "http://www.topografix.com/GPX/1/1")
	if m.Title != "" {
		x.element("metadata", gpxMeta{Name: m.Title})
	}
	lost := 0
	wpt := func(p atlas.Place) {
		x.element("wpt", gpxPoint{Lat: coord(p.At.Lat), Lon: coord(p.At.Lon), Name: p.Name, Desc: p.Note, Type: string(p.Kind)})
		if p.ID != "" || p.Author != "" || p.Since != "" || len(p.Tags) > 0 || len(p.Links) > 0 {
			lost++
		}
	}
	for _, p := range m.Places {
		wpt(p)
	}
	for p, err := range more {
		if err != nil {
			return nil, err
		}
		wpt(p)
	}
	areas := 0
	for _, s := range m.Shapes {
		if s.Area || len(s.Parts) == 1 && len(s.Parts[0]) == 1 {
			areas++
			continue
		}
		t := gpxTrack{Name: s.Name, Type: string(s.Layer)}
		for _, part := range s.Parts {
			var seg gpxSeg
			for _, p := range part {
				seg.Points = append(seg.Points, gpxPoint{Lat: coord(p.Lat), Lon: coord(p.Lon)})
			}
			t.Segs = append(t.Segs, seg)
		}
		x.element("trk", t)
	}
	if err := x.close(w, "gpx"); err != nil {
		return nil, err
	}
	var notes []Note
	if areas > 0 {
		notes = append(notes, Note{Severity: atlas.Warning, Message: fmt.Sprintf("GPX has no areas: %d areas of the drawing are not in it", areas), Hint: "export geojson or kml to keep them"})
	}
	if lost > 0 {
		notes = append(notes, Note{Severity: atlas.Warning, Message: fmt.Sprintf("GPX has no ids, authors, dates, tags or links: %d places lose theirs", lost), Hint: "export geojson or kml to keep them"})
	}
	return notes, nil
}
