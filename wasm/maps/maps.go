// Package maps keeps buurt maps in the store: each map a slug, a boundary
// and a series of revisions of its map file, the latest served. The same
// SQL runs over SQLite (`serve`) and D1 (the Worker); D1 has no
// transactions, so every write is one statement, and a revision is saved
// only on top of the one its writer read (If-Match), so two keepers never
// overwrite each other silently.
package maps

import (
	"errors"
	"regexp"
)

// Map is a map as the store serves it: its latest revision.
type Map struct {
	Slug     string
	Boundary string // a GeoJSON Polygon/MultiPolygon, or "" for the hull of its streets
	Revision Revision
	GeoJSON  []byte // the map file of that revision
	Created  string // when the map was started (RFC 3339): a slug used again is another map
}

// Revision is one saved state of a map: who saved it, when and why.
type Revision struct {
	N       int    `json:"n"`
	Who     string `json:"who"`
	At      string `json:"at"`
	Summary string `json:"summary"`
}

// Summary is a map in a list of maps.
type Summary struct {
	Slug     string `json:"slug"`
	Title    string `json:"title"`
	Revision int    `json:"revision"`
}

var (
	// ErrNotFound is returned for a slug the store does not have.
	ErrNotFound = errors.New("maps: no such map")
	// ErrStale is returned when a revision is saved on top of one that is
	// no longer the latest: someone else saved meanwhile.
	ErrStale = errors.New("maps: the map changed meanwhile")
	// ErrExists is returned when a new map's slug is taken.
	ErrExists = errors.New("maps: a map with this slug exists")
	// ErrSlug is returned for a slug that cannot be an address.
	ErrSlug = errors.New("maps: a slug is 2–60 of a–z, 0–9 and -, starting with a letter")
)

var slugPattern = regexp.MustCompile(`^[a-z][a-z0-9-]{1,59}$`)

// reserved are first path segments the hosts use themselves.
var reserved = map[string]bool{"api": true, "fonts": true, "icons": true, "oembed": true, "embed": true, "static": true, "beheer": true, "nieuw": true}

// ValidSlug reports whether s can be a map's address.
func ValidSlug(s string) bool { return slugPattern.MatchString(s) && !reserved[s] }
