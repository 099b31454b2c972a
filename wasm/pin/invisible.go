package pin

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// invisible returns the first character in s that can hide or reorder text
// without showing itself, or -1. Such text is refused, not cleaned: a pin is
// shown as its maker wrote it or not at all, and stripping would change
// what a moderator approved and what a replay must match.
//
// Refused everywhere:
//   - bidirectional embeddings, overrides and isolates, U+202A–U+202E and
//     U+2066–U+2069 ("Trojan Source"): "‮lekab" shows as "bakel";
//   - zero-width and invisible characters with no use in a pin's words:
//     U+200B (zero-width space), U+2060–U+2064 (word joiner, invisible
//     operators), U+FEFF (byte-order mark), U+180E.
//
// Allowed because real writing needs them:
//   - U+200C and U+200D (zero-width non-joiner and joiner) between two
//     non-ASCII characters: Persian and Indic words, and emoji such as 👩‍🍳;
//     between Latin letters they only disguise a word ("Bak‍ker");
//   - U+200E, U+200F (left-to-right and right-to-left marks): they move
//     punctuation in mixed Arabic and Dutch text, but cannot reverse words;
//   - tag characters U+E0020–U+E007F only inside a flag such as 🏴󠁧󠁢󠁳󠁣󠁴󠁿
//     (after U+1F3F4 or another tag), never as hidden ASCII.
func invisible(s string) rune {
	prev := rune(-1)
	for i, r := range s {
		switch {
		case r >= 0x202A && r <= 0x202E, r >= 0x2066 && r <= 0x2069,
			r == 0x200B, r >= 0x2060 && r <= 0x2064, r == 0xFEFF, r == 0x180E:
			return r
		case r == 0x200C || r == 0x200D:
			next, _ := utf8.DecodeRuneInString(s[i+utf8.RuneLen(r):])
			if prev < 0x80 || next < 0x80 || next == utf8.RuneError {
				return r
			}
		case r >= 0xE0000 && r <= 0xE007F:
			if prev != 0x1F3F4 && !(prev >= 0xE0020 && prev <= 0xE007F) {
				return r
			}
		}
		prev = r
	}
	return -1
}

// invisibleProblem says which character was found and where, so the
// resident can find it (it does not show) or a program can strip it.
func invisibleProblem(r rune, nl, en string) *Problem {
	return problem(statusUnprocessable, "invisible_character",
		"De "+nl+" bevat een onzichtbaar teken ("+codePoint(r)+") dat tekst kan omdraaien of verbergen; haal het weg en probeer het opnieuw.",
		"The "+en+" holds an invisible character ("+codePoint(r)+") that can reverse or hide text; remove it and try again.")
}

// codePoint writes r as fmt's "U+%04X" does.
func codePoint(r rune) string {
	h := strings.ToUpper(strconv.FormatInt(int64(r), 16))
	return "U+" + strings.Repeat("0", max(0, 4-len(h))) + h
}
