// Package pin is a resident's pin: what a neighbour adds to the map during a
// walk or from home. It holds the model and its validation, and is pure Go so
// the browser can check a pin with the same rules the server applies.
package pin

import (
	"github.com/buurtkaart/buurtkaart/wasm/atlas"
	"github.com/buurtkaart/buurtkaart/wasm/kind"
)

// Pin is one stored pin. Its JSON is what the public sees: the author only
// with consent, never the delete token's hash or the report count.
type Pin struct {
	ID         string    `json:"id"`  // client-made UUID: retries are safe
	Lon        float64   `json:"lon"` // WGS84 degrees; coarsened for talent pins
	Lat        float64   `json:"lat"`
	Kind       kind.Kind `json:"kind"`
	Name       string    `json:"name,omitempty"`
	Note       string    `json:"note"`
	Author     string    `json:"author,omitempty"` // empty unless ShowAuthor
	ShowAuthor bool      `json:"show_author"`
	Status     Status    `json:"status"`
	Created    string    `json:"created,omitempty"` // RFC 3339 UTC, set by the server
}

// Status is where a pin is in moderation.
type Status string

const (
	Visible Status = "visible" // on the map
	Pending Status = "pending" // waiting for a moderator
	Hidden  Status = "hidden"  // taken off the map by a moderator
)

// At returns the pin's position.
func (p Pin) At() atlas.Point { return atlas.Point{Lon: p.Lon, Lat: p.Lat} }

// Same reports whether p and q carry the same resident-made content, which
// is what decides if a replayed id is the same pin or a clash.
func (p Pin) Same(q Pin) bool {
	return p.ID == q.ID && p.Lon == q.Lon && p.Lat == q.Lat && p.Kind == q.Kind &&
		p.Name == q.Name && p.Note == q.Note && p.Author == q.Author && p.ShowAuthor == q.ShowAuthor
}

// Public returns p as anyone may see it: without the author's name unless
// they agreed to show it.
func (p Pin) Public() Pin {
	if !p.ShowAuthor {
		p.Author = ""
	}
	return p
}
