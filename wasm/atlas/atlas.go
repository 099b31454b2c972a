// Package atlas reads a buurtkaart map file: a GeoJSON FeatureCollection
// (RFC 7946) of drawn places and the base drawing they sit on.
//
// Reading is liberal and never fails half-way: every problem comes back as
// a Diagnostic and the broken feature is skipped, so one bad line in a file
// a community builder edited by hand does not blank the whole map.
package atlas

import (
	"encoding/json"

	"github.com/buurtkaart/buurtkaart/wasm/kind"
)

// Map is one buurt's map: its metadata, places and base drawing.
type Map struct {
	Title       string   // the map's own title; shown large on the map and poster
	Buurt       string   // the buurt's name
	CBS         []string // CBS buurt codes, e.g. BU05182916
	Bounds      BBox     // the "bbox" member, or the extent of all features
	Language    string   // "nl" unless the file says otherwise
	Attribution string
	Moderation  string // "post" (default) or "pre"

	Places []Place
	Shapes []Shape

	// Extra holds the top-level members buurtkaart does not use (uMap's
	// _umap_options, an old crs, …) so that Write gives them back: a file
	// passed through buurtkaart still opens in the tool that made it.
	Extra map[string]json.RawMessage
}

// Point is a position in WGS84 degrees.
type Point struct{ Lon, Lat float64 }

// BBox is a lon/lat rectangle: west, south, east, north.
type BBox struct{ W, S, E, N float64 }

// Contains reports whether p lies inside b, edges included.
func (b BBox) Contains(p Point) bool {
	return p.Lon >= b.W && p.Lon <= b.E && p.Lat >= b.S && p.Lat <= b.N
}

// Empty reports whether b encloses no area.
func (b BBox) Empty() bool { return !(b.E > b.W && b.N > b.S) }

// Place is an asset on the map: a person's talent, a club, a place, a
// story or a partner organisation.
type Place struct {
	ID      string
	Feature int // index in the file's features array
	Name    string
	Kind    kind.Kind
	Note    string // the handwritten annotation
	Author  string
	Since   string
	Tags    []string
	Links   []string // ids of related places: the ABCD "connect" step
	At      Point
	Extra   map[string]json.RawMessage // other properties (OSM tags, _umap_options), kept for Write
	// Pin is set when the place is a resident's pin shown among the map's
	// places (pin.Pin.Place): drawn with a pin foot, never written to a
	// map file. The zero value is a drawn place of the map itself.
	Pin PinState
}

// PinState says whether a place is a resident's pin, and where it is.
type PinState uint8

const (
	NotPin     PinState = iota // a place of the drawn map
	PinShown                   // a resident's pin, public
	PinWaiting                 // a resident's pin only its maker sees: not sent yet, or waiting for a keeper
)

// Layer is what a base shape is drawn as.
type Layer string

// The layers of the base drawing.
const (
	Straat Layer = "straat" // street
	Water  Layer = "water"
	Groen  Layer = "groen"  // green: parks, gardens
	Gebouw Layer = "gebouw" // building
	Route  Layer = "route"  // a walk
)

// Layers lists the layers in drawing order, bottom first.
var Layers = []Layer{Groen, Water, Gebouw, Straat, Route}

func (l Layer) valid() bool {
	for _, v := range Layers {
		if l == v {
			return true
		}
	}
	return false
}

// Shape is a line or area of the base drawing.
type Shape struct {
	ID      string
	Feature int
	Layer   Layer
	Name    string
	Area    bool      // true for polygons: Parts are rings, the first the exterior
	Parts   [][]Point // the lines, or the rings of an area
	// Polygons, for areas, is the index in Parts of each polygon's exterior
	// ring; the rings up to the next index are its holes. A MultiPolygon is
	// read into one Shape, and this is what lets Write split it again.
	Polygons []int
	Extra    map[string]json.RawMessage // properties other than layer and name, kept for Write
}
