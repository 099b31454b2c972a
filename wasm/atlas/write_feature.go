package atlas

import (
	"bytes"
	"encoding/json"
	"errors"
	"math"
	"slices"
	"strconv"

	"github.com/paulmach/orb"
)

// header writes the map's members, up to the opening of "features".
func (e *encoder) header(m *Map) {
	e.open()
	e.key("type")
	e.str("FeatureCollection")
	for _, s := range []struct{ key, val string }{{"title", m.Title}, {"buurt", m.Buurt}} {
		if s.val != "" {
			e.key(s.key)
			e.str(s.val)
		}
	}
	if m.CBS != nil {
		e.key("cbs")
		e.strings(m.CBS)
	}
	if b := m.Bounds; !b.Empty() {
		// Rounded outwards, so every place inside stays inside.
		e.key("bbox")
		e.raw("[")
		e.num(e.outward(b.W, -1))
		e.raw(",")
		e.num(e.outward(b.S, -1))
		e.raw(",")
		e.num(e.outward(b.E, 1))
		e.raw(",")
		e.num(e.outward(b.N, 1))
		e.raw("]")
	}
	for _, s := range []struct{ key, val string }{{"language", m.Language}, {"attribution", m.Attribution}, {"moderation", m.Moderation}} {
		if s.val != "" {
			e.key(s.key)
			e.str(s.val)
		}
	}
	e.extra(m.Extra, "type", "title", "buurt", "cbs", "bbox", "language", "attribution", "moderation", "features")
	e.key("features")
	e.raw("[")
}

// outward moves v to the next multiple of the precision in direction dir
// (-1 down, 1 up) unless it already is one.
func (e *encoder) outward(v float64, dir float64) float64 {
	r := math.Round(v * e.scale)
	if (r/e.scale-v)*dir < 0 {
		r += dir
	}
	return r / e.scale
}

// extra writes members in sorted order, leaving out those the writer
// writes itself (a hand-built Map might repeat them).
func (e *encoder) extra(members map[string]json.RawMessage, own ...string) {
	keys := make([]string, 0, len(members))
	for k := range members {
		if !slices.Contains(own, k) {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	for _, k := range keys {
		var b bytes.Buffer
		if err := json.Compact(&b, members[k]); err != nil {
			if e.err == nil {
				e.err = errors.New("atlas: member " + strconv.Quote(k) + " is not JSON: " + err.Error())
			}
			return
		}
		e.key(k)
		e.bytes(b.Bytes())
	}
}

func (e *encoder) featureStart(id string) {
	e.open()
	e.key("type")
	e.str("Feature")
	if id != "" {
		e.key("id")
		e.str(id)
	}
	e.key("geometry")
}

func (e *encoder) place(p Place) {
	e.featureStart(p.ID)
	e.raw(`{"type":"Point","coordinates":`)
	e.point(p.At)
	e.raw("}")
	e.key("properties")
	e.open()
	e.key("name")
	e.str(p.Name)
	e.key("kind")
	e.str(string(p.Kind))
	for _, s := range []struct{ key, val string }{{"note", p.Note}, {"author", p.Author}, {"since", p.Since}} {
		if s.val != "" {
			e.key(s.key)
			e.str(s.val)
		}
	}
	if p.Tags != nil {
		e.key("tags")
		e.strings(p.Tags)
	}
	if p.Links != nil {
		e.key("links")
		e.strings(p.Links)
	}
	e.extra(p.Extra, "name", "kind", "layer", "note", "author", "since", "tags", "links")
	e.close()
	e.close()
}

func (e *encoder) shape(s Shape) {
	e.featureStart(s.ID)
	e.geometry(s)
	e.key("properties")
	e.open()
	e.key("layer")
	e.str(string(s.Layer))
	if s.Name != "" {
		e.key("name")
		e.str(s.Name)
	}
	e.extra(s.Extra, "layer", "name")
	e.close()
	e.close()
}

func (e *encoder) geometry(s Shape) {
	switch {
	case s.Area:
		e.area(s)
	case len(s.Parts) == 1 && len(s.Parts[0]) == 1:
		e.raw(`{"type":"Point","coordinates":`)
		e.point(s.Parts[0][0])
	case len(s.Parts) == 1:
		e.raw(`{"type":"LineString","coordinates":`)
		e.line(s.Parts[0])
	default:
		e.raw(`{"type":"MultiLineString","coordinates":[`)
		for i, part := range s.Parts {
			if i > 0 {
				e.raw(",")
			}
			e.line(part)
		}
		e.raw("]")
	}
	e.raw("}")
	e.comma = true
}

// area writes a Polygon, or a MultiPolygon when the shape has several
// exterior rings, each ring wound the way RFC 7946 asks.
func (e *encoder) area(s Shape) {
	starts := s.Polygons
	if len(starts) == 0 {
		starts = []int{0}
	}
	multi := len(starts) > 1
	if multi {
		e.raw(`{"type":"MultiPolygon","coordinates":[`)
	} else {
		e.raw(`{"type":"Polygon","coordinates":`)
	}
	for i, start := range starts {
		end := len(s.Parts)
		if i+1 < len(starts) {
			end = starts[i+1]
		}
		if i > 0 {
			e.raw(",")
		}
		e.raw("[")
		for r := start; r < end; r++ {
			if r > start {
				e.raw(",")
			}
			ring := s.Parts[r]
			// RFC 7946: exteriors counter-clockwise, holes clockwise.
			if o := orbRing(ring).Orientation(); (r == start && o == orb.CW) || (r > start && o == orb.CCW) {
				ring = slices.Clone(ring)
				slices.Reverse(ring)
			}
			e.line(ring)
		}
		e.raw("]")
	}
	if multi {
		e.raw("]")
	}
}

// orbRing is a ring as github.com/paulmach/orb holds it, for its planar
// operations (orientation).
func orbRing(ring []Point) orb.Ring {
	out := make(orb.Ring, len(ring))
	for i, p := range ring {
		out[i] = orb.Point{p.Lon, p.Lat}
	}
	return out
}
