package atlas

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"strings"
)

// ParseOptions tunes Parse; nil means defaults.
type ParseOptions struct {
	// MaxFeatureVertices is the most vertices one feature may have before it
	// is reported as an error; default 2,000 (a hand-drawn street needs tens).
	MaxFeatureVertices int
	// MaxVertices is the most vertices in the whole file; default 50,000,
	// which keeps the pre-rendered SVG small enough for a phone.
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

// rawFile is the top level of a map file. Unknown members are ignored here
// and kept by the writer (uMap's _umap_options, an old crs member, …).
type rawFile struct {
	Type        string            `json:"type"`
	Title       string            `json:"title"`
	Name        string            `json:"name"` // uMap and QGIS put the title here
	Buurt       string            `json:"buurt"`
	CBS         []string          `json:"cbs"`
	BBox        []float64         `json:"bbox"`
	Language    string            `json:"language"`
	Attribution string            `json:"attribution"`
	Moderation  string            `json:"moderation"`
	Features    []json.RawMessage `json:"features"`
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

type rawProps struct {
	Name   string   `json:"name"`
	Kind   string   `json:"kind"`
	Layer  string   `json:"layer"`
	Note   string   `json:"note"`
	Author string   `json:"author"`
	Since  any      `json:"since"`
	Tags   []string `json:"tags"`
	Links  []string `json:"links"`
}

// Parse reads a map file. It returns a nil Map only when the file as a whole
// cannot be read (not JSON, not a FeatureCollection); otherwise broken
// features are reported and skipped and the rest of the map is returned.
func Parse(data []byte, opts *ParseOptions) (*Map, []Diagnostic) {
	o := opts.withDefaults()
	p := &parser{opts: o, ids: map[string]int{}}
	var f rawFile
	if err := json.Unmarshal(data, &f); err != nil {
		return nil, []Diagnostic{syntaxDiagnostic(data, err)}
	}
	if f.Type != "FeatureCollection" {
		return nil, []Diagnostic{{Severity: Error, Feature: -1,
			Message: fmt.Sprintf("top-level type is %q, not \"FeatureCollection\"", f.Type),
			Hint:    `a map file is one GeoJSON FeatureCollection: {"type":"FeatureCollection","features":[…]}`}}
	}
	m := &Map{
		Title: firstNonEmpty(f.Title, f.Name, f.Buurt), Buurt: f.Buurt, CBS: f.CBS,
		Language: firstNonEmpty(f.Language, "nl"), Attribution: f.Attribution,
		Moderation: firstNonEmpty(f.Moderation, "post"),
	}
	p.bounds(m, f.BBox)
	for i, raw := range f.Features {
		p.feature(m, i, raw)
	}
	p.finish(m)
	return m, p.diags
}

type parser struct {
	opts      ParseOptions
	diags     []Diagnostic
	ids       map[string]int // id → feature index, for duplicates and links
	vertices  int
	boundsSet bool
	extent    BBox
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
		p.report(Warning, -1, "", "", fmt.Sprintf("bbox has %d numbers, not 4", len(bbox)),
			"write it as [west, south, east, north]; the extent of the features is used instead")
		return
	}
	b := BBox{bbox[0], bbox[1], bbox[2], bbox[3]}
	if b.Empty() || !validLonLat(Point{b.W, b.S}) || !validLonLat(Point{b.E, b.N}) {
		p.report(Warning, -1, "", "", fmt.Sprintf("bbox %v is not a west, south, east, north rectangle", bbox),
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
				p.report(Warning, pl.Feature, pl.ID, pl.Name, fmt.Sprintf("links to %q, which is not the id of any feature", l),
					"fix the id or remove the link")
			}
		}
	}
	if p.vertices > p.opts.MaxVertices {
		p.report(Error, -1, "", "", fmt.Sprintf("the file has %d vertices, more than %d", p.vertices, p.opts.MaxVertices),
			"simplify the base drawing (a hand-drawn map needs far fewer points), or split the map")
	}
	if !p.boundsSet {
		m.Bounds = p.extent
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

// syntaxDiagnostic turns a JSON error into a diagnostic with line and column.
func syntaxDiagnostic(data []byte, err error) Diagnostic {
	d := Diagnostic{Severity: Error, Feature: -1, Message: "not valid JSON: " + strings.TrimPrefix(err.Error(), "json: "),
		Hint: "check for a missing comma, quote or bracket just before this point"}
	var off int64 = -1
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		off = se.Offset
	case errors.As(err, &te):
		off = te.Offset
		d.Message = fmt.Sprintf("%s should be %s, not a JSON %s", firstNonEmpty(te.Field, "the file"), te.Type, te.Value)
		d.Hint = "a map file is one GeoJSON FeatureCollection object"
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
