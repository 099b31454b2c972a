package poster

import (
	"strings"
	"unicode"

	"github.com/buurtkaart/buurtkaart/wasm/atlas"
	"github.com/buurtkaart/buurtkaart/wasm/kind"
	"github.com/buurtkaart/buurtkaart/wasm/pin"
)

// entry is one numbered thing on the poster: a place of the map or a
// resident's pin. The number keys the map to the index.
type entry struct {
	N     int
	Name  string
	Kind  kind.Kind
	At    atlas.Point
	Pin   bool
	Note  string      // what the map says about it, written beside it where there is room
	place atlas.Place // as the map draws it: its pictogram (sketch.Pictogram), pin foot
}

// maxPinName caps a pin's note on the poster: a note may run to 1,000
// characters, a label reads in one glance at about 40.
const maxPinName = 40

// maxNote caps a note written in the map: the sample's run to 131
// characters, three or four lines of a hand; a pin's note may run to 1,000.
const maxNote = 160

// entries numbers the places and pins by kind, in legend order, places in
// file order before pins in stored order: the index then reads 1, 2, 3 …
// down each kind.
func entries(m *atlas.Map, pins []pin.Pin) []entry {
	var out []entry
	for _, k := range kind.All {
		for _, p := range m.Places {
			if p.Kind == k {
				out = append(out, entry{N: len(out) + 1, Name: clean(p.Name, 0), Kind: k, At: p.At, Note: clean(p.Note, maxNote), place: p})
			}
		}
		for _, p := range pins {
			if p.Kind == k {
				name := clean(firstOf(p.Name, p.Note), maxPinName)
				if name == "" {
					name = k.Text().NL
				}
				note := clean(p.Note, maxNote)
				if p.Name == "" { // its name is its note's start already
					note = ""
				}
				out = append(out, entry{N: len(out) + 1, Name: name, Kind: k, At: p.At(), Pin: true, Note: note,
					place: atlas.Place{Kind: k, At: p.At(), Pin: atlas.PinShown}})
			}
		}
	}
	return out
}

// clean makes text fit for one printed line: control characters and runs
// of white space become one space, and a limit (if any) cuts at a word with
// an ellipsis. Renderers escape markup; clean only keeps the line a line.
func clean(s string, limit int) string {
	s = strings.Join(strings.FieldsFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || unicode.IsControl(r) || r == '\u2028' || r == '\u2029'
	}), " ")
	r := []rune(s)
	if limit <= 0 || len(r) <= limit {
		return s
	}
	cut := string(r[:limit])
	if i := strings.LastIndexByte(cut, ' '); i > limit/2 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " ,.;:-") + "…"
}

// maxNames caps the thank-you line; past it the footer says "en anderen".
const maxNames = 40

// contributors returns the first names of residents who agreed to be
// named on their pins (pin.Public keeps the author only then), once each,
// in the order their pins came.
func contributors(pins []pin.Pin) (names []string, more bool) {
	seen := map[string]bool{}
	for _, p := range pins {
		f := strings.Fields(clean(p.Public().Author, 60))
		if len(f) == 0 || seen[f[0]] {
			continue
		}
		if len(names) == maxNames {
			return names, true
		}
		seen[f[0]] = true
		names = append(names, f[0])
	}
	return names, false
}
