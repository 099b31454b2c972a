package pin

import (
	"strings"
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
// on the phone has none yet). It reads what time.Time.UnmarshalText reads,
// strict RFC 3339 (a fuzz test holds the two together), without time's layout engine,
// which is 55 KB of the browser's wasm code, uncompressed.
func Month(created string) (nl, en string) {
	year, month, ok := rfc3339Month(created)
	if !ok {
		return "", ""
	}
	y := " " + year
	return monthsNL[month-1] + y, monthsEN[month-1] + y
}

// rfc3339Month checks s is "2006-01-02T15:04:05[.999…](Z|±07:00)" with a
// real date and clock, and returns its year and month as written.
func rfc3339Month(s string) (year string, month int, ok bool) {
	num := func(i, n int) int { // the digits s[i:i+n], or -1
		v := 0
		for _, c := range []byte(s[i : i+n]) {
			if c < '0' || c > '9' {
				return -1
			}
			v = v*10 + int(c-'0')
		}
		return v
	}
	if len(s) < len("2006-01-02T15:04:05Z") || s[4] != '-' || s[7] != '-' || s[10] != 'T' || s[13] != ':' || s[16] != ':' {
		return "", 0, false
	}
	y, m, d := num(0, 4), num(5, 2), num(8, 2)
	if y < 0 || m < 1 || m > 12 || d < 1 || d > daysIn(m, y) || num(11, 2) < 0 || num(11, 2) > 23 ||
		num(14, 2) < 0 || num(14, 2) > 59 || num(17, 2) < 0 || num(17, 2) > 59 {
		return "", 0, false
	}
	rest := s[19:]
	if rest[0] == '.' { // fractional seconds
		n := 1
		for n < len(rest) && rest[n] >= '0' && rest[n] <= '9' {
			n++
		}
		if n == 1 {
			return "", 0, false
		}
		rest = rest[n:]
	}
	switch {
	case rest == "Z":
	case len(rest) == 6 && (rest[0] == '+' || rest[0] == '-') && rest[3] == ':':
		at := len(s) - 6
		if h, mm := num(at+1, 2), num(at+4, 2); h < 0 || h > 23 || mm < 0 || mm > 59 {
			return "", 0, false
		}
	default:
		return "", 0, false
	}
	return s[:4], m, true
}

// daysIn is the number of days in month m of year y.
func daysIn(m, y int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
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
