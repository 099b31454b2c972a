// Package kind names the five building blocks of Asset-Based Community
// Development (ABCD) that every place and pin on a buurtkaart belongs to.
//
// The keys are Dutch because the map's users are; English aliases are
// accepted on input so files from other tools read without edits.
package kind

import "strings"

// Kind is one of the five ABCD building blocks. The zero value is not a kind.
type Kind string

// The five building blocks, in the order the legend shows them.
const (
	Talent  Kind = "talent"  // skills and gifts of residents
	Verband Kind = "verband" // associations, clubs, informal groups
	Plek    Kind = "plek"    // physical and economic places
	Verhaal Kind = "verhaal" // history and shared stories
	Partner Kind = "partner" // institutions as partners
)

// All lists the five kinds in legend order.
var All = []Kind{Talent, Verband, Plek, Verhaal, Partner}

// aliases maps accepted English (and common) spellings to a kind. A slice,
// not a map, so that Nearest breaks ties the same way every run.
var aliases = []struct {
	name string
	kind Kind
}{
	{"skill", Talent},
	{"gift", Talent},
	{"association", Verband},
	{"club", Verband},
	{"group", Verband},
	{"place", Plek},
	{"story", Verhaal},
	{"history", Verhaal},
	{"institution", Partner},
	{"organisatie", Partner},
	{"organization", Partner},
}

// Parse returns the kind named by s: one of the five keys or an English
// alias, case and surrounding space ignored. ok is false for anything else.
func Parse(s string) (k Kind, ok bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	if k := Kind(s); k.Valid() {
		return k, true
	}
	for _, a := range aliases {
		if a.name == s {
			return a.kind, true
		}
	}
	return "", false
}

// Valid reports whether k is one of the five kinds (exactly, not an alias).
func (k Kind) Valid() bool {
	switch k {
	case Talent, Verband, Plek, Verhaal, Partner:
		return true
	}
	return false
}

// Nearest returns the kind or alias closest to s by edit distance, for
// "did you mean" hints. It always returns a valid kind.
func Nearest(s string) Kind {
	s = strings.ToLower(strings.TrimSpace(s))
	best, bestDist := Plek, len(s)+100
	consider := func(name string, k Kind) {
		if d := distance(s, name); d < bestDist {
			best, bestDist = k, d
		}
	}
	for _, k := range All {
		consider(string(k), k)
	}
	for _, a := range aliases {
		consider(a.name, a.kind)
	}
	return best
}

// distance is the Levenshtein distance between a and b, by bytes; kind
// names are ASCII so that is enough.
func distance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
