// Package pin is a resident's pin: what a neighbour adds to the map during a
// walk or from home. It holds the model and its validation, and is pure Go so
// the browser can check a pin with the same rules the server applies.
package pin

import (
	"github.com/buurtkaart/buurtkaart/wasm/atlas"
	"github.com/buurtkaart/buurtkaart/wasm/kind"
)

// Pin is one stored pin, as the API returns it.
type Pin struct {
	ID      string    `json:"id"`  // client-made UUID: retries are safe
	Lon     float64   `json:"lon"` // WGS84 degrees
	Lat     float64   `json:"lat"`
	Kind    kind.Kind `json:"kind"`
	Note    string    `json:"note"`
	Created string    `json:"created,omitempty"` // RFC 3339 UTC, set by the server
}

// At returns the pin's position.
func (p Pin) At() atlas.Point { return atlas.Point{Lon: p.Lon, Lat: p.Lat} }

// Same reports whether p and q carry the same resident-made content, which
// is what decides if a replayed id is the same pin or a clash.
func (p Pin) Same(q Pin) bool {
	return p.ID == q.ID && p.Lon == q.Lon && p.Lat == q.Lat && p.Kind == q.Kind && p.Note == q.Note
}
