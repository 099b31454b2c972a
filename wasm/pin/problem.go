package pin

import (
	"github.com/buurtkaart/buurtkaart/wasm/atlas"
	"github.com/buurtkaart/buurtkaart/wasm/internal/rawjson"
)

// Problem is why a pin was refused, in words a resident understands, Dutch
// first. Status is the HTTP status the API answers with.
type Problem struct {
	Status int    `json:"-"`
	Code   string `json:"code"` // stable, for programs
	NL     string `json:"nl"`
	EN     string `json:"en"`
}

func (p *Problem) Error() string { return "pin: " + p.Code + ": " + p.EN }

// Statuses used by problems; the values are HTTP's, named here so this
// package does not import net/http into the browser.
const (
	statusBadRequest    = 400
	statusConflict      = 409
	statusTooLarge      = 413
	statusUnprocessable = 422
)

func problem(status int, code, nl, en string) *Problem {
	return &Problem{Status: status, Code: code, NL: nl, EN: en}
}

// OutsideBoundary is the refusal of a pin inside the map's bbox but outside
// its buurt (its boundary polygon): the server (wasm/pins) and the page's
// own check (the browser's core) answer with the same words.
var OutsideBoundary = problem(statusUnprocessable, "outside_boundary",
	"Deze plek ligt net buiten de buurt van deze kaart. Kies een plek binnen de buurt.",
	"This spot is just outside the buurt of this map. Choose a spot inside the buurt.")

// Position is the position a pin's JSON gives, as sent (before Decode
// coarsens a talent pin); zero when it has none. For checks that must judge
// the spot the resident chose, such as the buurt's boundary.
func Position(data []byte) atlas.Point {
	// As json.Unmarshal into struct{Lon, Lat float64}, errors ignored: a
	// member of the wrong type leaves its coordinate zero.
	var at atlas.Point
	if rawjson.Check(data) != nil {
		return at
	}
	var d rawjson.Decoder
	d.Object(rawjson.Trim(data), "struct", func(k string, v []byte) {
		switch rawjson.Match(k, "lon", "lat") {
		case 0:
			d.Float(v, &at.Lon)
		case 1:
			d.Float(v, &at.Lat)
		}
	})
	return at
}
