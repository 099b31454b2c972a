package exchange

import (
	"strings"
	"unicode/utf8"

	"github.com/buurtkaart/buurtkaart/wasm/atlas"
	"github.com/buurtkaart/buurtkaart/wasm/pin"
)

// WithPins returns a copy of m with residents' pins added as places (see
// PinPlace), for exports that carry the whole map.
func WithPins(m *atlas.Map, ps []pin.Pin) *atlas.Map {
	out := *m
	out.Places = append([]atlas.Place(nil), m.Places...)
	for _, p := range ps {
		if pl, ok := PinPlace(p); ok {
			out.Places = append(out.Places, pl)
		}
	}
	return &out
}

// PinPlace is a resident's pin as a place of an export, and whether it may
// be in one: only visible pins go in, and only as the public sees them
// (pin.Public: no author without consent); a pin holds no delete token or
// hash, so an export cannot leak them either.
func PinPlace(p pin.Pin) (atlas.Place, bool) {
	if p.Status != "" && p.Status != pin.Visible {
		return atlas.Place{}, false
	}
	p = p.Public()
	return atlas.Place{
		ID: "pin-" + p.ID, Feature: -1, Name: pinName(p), Kind: p.Kind, Note: p.Note,
		Author: p.Author, Since: sinceYear(p.Created), Tags: []string{"bewoner"}, At: p.At(),
	}, true
}

// pinName is the pin's name, or the first words of its note: every place
// needs a name, and a resident may only have written a note.
func pinName(p pin.Pin) string {
	if p.Name != "" {
		return p.Name
	}
	name := strings.Join(strings.Fields(p.Note), " ")
	if utf8.RuneCountInString(name) > 40 {
		name = string([]rune(name)[:39]) + "…"
	}
	if name == "" {
		name = p.Kind.Text().NL
	}
	return name
}

func sinceYear(created string) string {
	if len(created) >= 4 {
		return created[:4]
	}
	return ""
}
