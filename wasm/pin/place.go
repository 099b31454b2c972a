package pin

import (
	"strings"
	"time"
	"unicode/utf8"

	"github.com/buurtkaart/buurtkaart/wasm/atlas"
)

// Place returns p as a place of the map, so a neighbour's pin is read the
// way a drawn place is: a mark, a name, a card, in the list and in search.
// The author is kept only when its maker agreed to show it. A pin without a
// name is named by the start of its note, or else by its kind.
func (p Pin) Place() atlas.Place {
	p = p.Public()
	state := atlas.PinShown
	if p.Status == Pending {
		state = atlas.PinWaiting
	}
	nl, _ := Month(p.Created)
	return atlas.Place{ID: p.ID, Name: displayName(p), Kind: p.Kind, Note: p.Note, Author: p.Author,
		Since: nl, At: p.At(), Pin: state}
}

// nameFromNote is how many characters of a note name a pin that has no name.
const nameFromNote = 32

func displayName(p Pin) string {
	if p.Name != "" {
		return p.Name
	}
	note := strings.Join(strings.Fields(p.Note), " ")
	if note == "" {
		return p.Kind.Text().NL
	}
	if utf8.RuneCountInString(note) <= nameFromNote {
		return note
	}
	cut := string([]rune(note)[:nameFromNote])
	if i := strings.LastIndexByte(cut, ' '); i > nameFromNote/2 {
		cut = cut[:i]
	}
	return cut + "…"
}

var (
	monthsNL = [...]string{"januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"}
	monthsEN = [...]string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}
)

// Month is the month a pin was made, from its RFC 3339 time: "november
// 2026" and "November 2026"; empty for a time it cannot read (a pin still
// on the phone has none yet).
func Month(created string) (nl, en string) {
	t, err := time.Parse(time.RFC3339, created)
	if err != nil {
		return "", ""
	}
	y := t.Format(" 2006")
	return monthsNL[t.Month()-1] + y, monthsEN[t.Month()-1] + y
}

// MonthEN says a Dutch "since" in English: the Dutch month names in it
// become English ones ("november 2026" → "November 2026"); other text
// (a year, a season someone wrote) is kept as it is.
func MonthEN(since string) string {
	words := strings.Fields(since)
	for i, w := range words {
		for m, nl := range monthsNL {
			if strings.EqualFold(w, nl) {
				words[i] = monthsEN[m]
			}
		}
	}
	return strings.Join(words, " ")
}
