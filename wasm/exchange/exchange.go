// Package exchange moves places between buurtkaart and the tools a
// community builder already uses: uMap, Overpass (OpenStreetMap), a
// spreadsheet's CSV, a GPS's GPX and Google Earth's KML.
//
// Every importer says what it could not map as a Note rather than dropping
// it: a point without a kind becomes a place of the default kind with a
// warning; what cannot become anything is reported as an error. The result
// is then written and read back with atlas, so what Import returns is
// exactly what buurtkaart will show, and atlas's own diagnostics (swapped
// coordinates, crossing areas, …) come back as notes too.
//
// The browser does not import this package, so encoding/xml and
// encoding/csv stay out of its wasm (its brotli budget is 900 kB).
package exchange

import (
	"bytes"
	"fmt"
	"io"

	"github.com/buurtkaart/buurtkaart/wasm/atlas"
	"github.com/buurtkaart/buurtkaart/wasm/kind"
)

// Format names a file format of another tool.
type Format string

// The formats Import reads and Export writes.
const (
	GeoJSON  Format = "geojson"  // a buurtkaart map file (Export only; Import reads it as uMap GeoJSON)
	UMap     Format = "umap"     // a .umap backup or a uMap GeoJSON export
	Overpass Format = "overpass" // GeoJSON from overpass-turbo (osmtogeojson), Overpass JSON, or OSM XML
	OSM      Format = "osm"      // an .osm XML file (Import only; read as Overpass)
	CSV      Format = "csv"      // one place a row, lat/lon columns
	GPX      Format = "gpx"      // waypoints, routes and tracks
	KML      Format = "kml"      // Placemarks
)

// ImportOptions tunes Import; nil means defaults.
type ImportOptions struct {
	// Kind is given to a place the file does not say the kind of; default
	// plek, the broadest of the five. Each such place gets a warning.
	Kind kind.Kind
}

func (o *ImportOptions) withDefaults() ImportOptions {
	var v ImportOptions
	if o != nil {
		v = *o
	}
	if !v.Kind.Valid() {
		v.Kind = kind.Plek
	}
	return v
}

// Note is something an importer or exporter could not carry over as it was.
type Note struct {
	Where    string         // `feature 12 "Snackbar"`, `row 4`, …; "" for the file as a whole
	Severity atlas.Severity // Warning: carried over with a guess; Error: left out
	Message  string
	Hint     string // what to do about it
}

// String formats n compiler style, like atlas.Diagnostic:
//
//	feature 12 "Snackbar": warning: no kind for tags shop=bakery; set "kind"
func (n Note) String() string {
	s := n.Severity.String() + ": " + n.Message
	if n.Where != "" {
		s = n.Where + ": " + s
	}
	if n.Hint != "" {
		s += "; " + n.Hint
	}
	return s
}

// Import reads data in format from into a map. It fails only when the file
// as a whole cannot be read; everything else is in the notes.
func Import(data []byte, from Format, opts *ImportOptions) (*atlas.Map, []Note, error) {
	b := &builder{m: &atlas.Map{}, opts: opts.withDefaults()}
	var err error
	switch from {
	case UMap, GeoJSON:
		err = readUMap(b, data)
	case Overpass, OSM:
		err = readOverpass(b, data)
	case CSV:
		err = readCSV(b, data)
	case GPX:
		err = readGPX(b, data)
	case KML:
		err = readKML(b, data)
	default:
		return nil, nil, fmt.Errorf("exchange: cannot import %q; use umap, overpass, osm, csv, gpx or kml", from)
	}
	if err != nil {
		return nil, b.notes, err
	}
	b.furnitureNotes()
	return b.check()
}

// Export writes m in format to. The notes say what the format cannot hold
// (areas in a CSV, for instance).
func Export(w io.Writer, m *atlas.Map, to Format) ([]Note, error) {
	return Stream(w, m, to, nil)
}

// check writes the built map and reads it back with atlas, so the map
// returned is what buurtkaart shows, and atlas's diagnostics become notes
// that point at the feature in the imported file.
func (b *builder) check() (*atlas.Map, []Note, error) {
	var buf bytes.Buffer
	if err := atlas.Write(&buf, b.m, nil); err != nil {
		return nil, b.notes, fmt.Errorf("exchange: %w", err)
	}
	m, diags := atlas.Parse(buf.Bytes(), nil)
	if m == nil {
		return nil, b.notes, fmt.Errorf("exchange: the imported map does not read back: %v", diags)
	}
	for _, d := range diags {
		where := ""
		if d.Feature >= 0 && d.Feature < len(b.origin) {
			where = b.origin[d.Feature]
		}
		b.notes = append(b.notes, Note{Where: where, Severity: d.Severity, Message: d.Message, Hint: d.Hint})
	}
	return m, b.notes, nil
}
