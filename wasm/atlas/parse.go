package atlas

import (
	"bytes"
	"encoding/json"
	"errors"
	"math"
	"strconv"
	"strings"

	"github.com/paulmach/orb"

	"github.com/buurtkaart/buurtkaart/wasm/internal/rawjson"
)

// ParseOptions tunes Parse; nil means defaults.
type ParseOptions struct {
	// MaxFeatureVertices is the most vertices one feature may have before it
	// is reported as an error; default 2,000 (a hand-drawn street needs tens).
	MaxFeatureVertices int
	// MaxVertices is the most vertices the base drawing (lines and areas)
	// may have; default 50,000, which keeps the pre-rendered SVG small
	// enough for a phone. Places do not count: each is one mark, and a
	// multi-buurt index of all 12,005 CBS buurten must still load.
	MaxVertices int
}

func (o *ParseOptions) withDefaults() ParseOptions {
	var v ParseOptions
	if o != nil {
		v = *o
	}
	if v.MaxFeatureVertices <= 0 {
		v.MaxFeatureVertices = 2000
	}
	if v.MaxVertices <= 0 {
		v.MaxVertices = 50000
	}
	return v
}

type rawFeature struct {
	Type       string          `json:"type"`
	ID         any             `json:"id"`
	Geometry   *rawGeometry    `json:"geometry"`
	Properties json.RawMessage `json:"properties"`
}

type rawGeometry struct {
	Type        string          `json:"type"`
	Coordinates json.RawMessage `json:"coordinates"`
}

// Parse reads a map file. It returns a nil Map only when the file as a whole
// cannot be read (not JSON, not a FeatureCollection); otherwise broken
// features are reported and skipped and the rest of the map is returned.
func Parse(data []byte, opts *ParseOptions) (*Map, []Diagnostic) {
	o := opts.withDefaults()
	p := &parser{opts: o, ids: map[string]int{}}
	top, err := topLevel(data)
	if err != nil {
		return nil, []Diagnostic{syntaxDiagnostic(data, err)}
	}
	var typ string
	p.member(top, "type", text(&typ))
	if typ != "FeatureCollection" {
		return nil, []Diagnostic{{Severity: Error, Feature: -1,
			Message: "top-level type is " + strconv.Quote(typ) + `, not "FeatureCollection"`,
			Hint:    `a map file is one GeoJSON FeatureCollection: {"type":"FeatureCollection","features":[…]}`}}
	}
	var features [][]byte
	if raw := take(top, "features"); raw != nil {
		var d rawjson.Decoder
		rawjson.Slice(&d, raw, &features, "[]json.RawMessage", func(_ *rawjson.Decoder, v []byte, f *[]byte) { *f = v })
		if d.Err() != nil {
			return nil, []Diagnostic{{Severity: Error, Feature: -1, Message: "\"features\" is not a list",
				Hint: `a map file is one GeoJSON FeatureCollection: {"type":"FeatureCollection","features":[…]}`}}
		}
	}
	m := p.metadata(top)
	for i, raw := range features {
		p.feature(m, i, raw)
	}
	p.finish(m)
	return m, p.diags
}

type parser struct {
	opts      ParseOptions
	diags     []Diagnostic
	ids       map[string]int // id → feature index, for duplicates and links
	vertices  int            // of the base drawing; places do not count
	boundsSet bool
	extent    orb.Bound // of every position read (github.com/paulmach/orb)
	extentSet bool
}

func (p *parser) report(sev Severity, feature int, id, name, msg, hint string) {
	p.diags = append(p.diags, Diagnostic{Severity: sev, Feature: feature, ID: id, Name: name, Message: msg, Hint: hint})
}

func (p *parser) bounds(m *Map, bbox []float64) {
	if bbox == nil {
		return
	}
	if len(bbox) != 4 {
		p.report(Warning, -1, "", "", "bbox has "+strconv.Itoa(len(bbox))+" numbers, not 4",
			"write it as [west, south, east, north]; the extent of the features is used instead")
		return
	}
	b := BBox{bbox[0], bbox[1], bbox[2], bbox[3]}
	if b.Empty() || !validLonLat(Point{b.W, b.S}) || !validLonLat(Point{b.E, b.N}) {
		p.report(Warning, -1, "", "", "bbox "+vector(bbox)+" is not a west, south, east, north rectangle",
			"write it as [west, south, east, north] in degrees; the extent of the features is used instead")
		return
	}
	m.Bounds, p.boundsSet = b, true
}

// finish checks what needs the whole file: links, the vertex budget, bounds.
func (p *parser) finish(m *Map) {
	for _, pl := range m.Places {
		for _, l := range pl.Links {
			if _, ok := p.ids[l]; !ok {
				p.report(Warning, pl.Feature, pl.ID, pl.Name, "links to "+strconv.Quote(l)+", which is not the id of any feature",
					"fix the id or remove the link")
			}
		}
	}
	if p.vertices > p.opts.MaxVertices {
		p.report(Error, -1, "", "", "the base drawing has "+strconv.Itoa(p.vertices)+" vertices, more than "+strconv.Itoa(p.opts.MaxVertices),
			"simplify the base drawing (a hand-drawn map needs far fewer points), or split the map")
	}
	if !p.boundsSet {
		m.Bounds = BBox{p.extent.Min[0], p.extent.Min[1], p.extent.Max[0], p.extent.Max[1]}
		if m.Bounds.Empty() {
			// A single point or nothing at all: a small square so there is something to draw.
			c := Point{m.Bounds.W, m.Bounds.S}
			m.Bounds = BBox{c.Lon - 0.005, c.Lat - 0.003, c.Lon + 0.005, c.Lat + 0.003}
		}
	}
}

func firstNonEmpty(s ...string) string {
	for _, v := range s {
		if v != "" {
			return v
		}
	}
	return ""
}

func validLonLat(p Point) bool {
	return !math.IsNaN(p.Lon) && !math.IsNaN(p.Lat) && p.Lon >= -180 && p.Lon <= 180 && p.Lat >= -90 && p.Lat <= 90
}

// topLevel reads the file's members as json.Unmarshal reads them into a
// map[string]json.RawMessage: the same map, the same errors (the offset of
// a type error is where encoding/json puts it: past the '[' of an array,
// at the end of a string, number or literal).
func topLevel(data []byte) (map[string]json.RawMessage, error) {
	if err := rawjson.Check(data); err != nil {
		return nil, err
	}
	v := rawjson.Trim(data)
	var d rawjson.Decoder
	top := object(&d, v, "map[string]json.RawMessage")
	if te, ok := d.Err().(*rawjson.TypeError); ok {
		start := len(data) - len(bytes.TrimLeft(data, " \t\r\n"))
		te.Offset = int64(start + len(v))
		if v[0] == '[' {
			te.Offset = int64(start + 1)
		}
		return nil, te
	}
	return top, nil
}

// syntaxDiagnostic turns a JSON error into a diagnostic with line and column.
func syntaxDiagnostic(data []byte, err error) Diagnostic {
	d := Diagnostic{Severity: Error, Feature: -1, Message: "not valid JSON: " + strings.TrimPrefix(err.Error(), "json: "),
		Hint: "check for a missing comma, quote or bracket just before this point"}
	var off int64 = -1
	var se *rawjson.SyntaxError
	var te *rawjson.TypeError
	switch {
	case errors.As(err, &se):
		off = se.Offset
	case errors.As(err, &te):
		off = te.Offset
		d.Message = "the file is a JSON " + te.Value + ", not an object"
		d.Hint = `a map file is one GeoJSON FeatureCollection: {"type":"FeatureCollection","features":[…]}`
	}
	if off >= 0 {
		if off > int64(len(data)) {
			off = int64(len(data))
		}
		before := data[:off]
		d.Line = bytes.Count(before, []byte("\n")) + 1
		d.Column = int(off) - (bytes.LastIndexByte(before, '\n') + 1)
		if d.Column < 1 {
			d.Column = 1
		}
	} else {
		d.Line, d.Column = 1, 1
	}
	return d
}
