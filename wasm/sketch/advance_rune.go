package sketch

// The label placer boxes names by the widths of their characters in the
// page's handwriting face (web/fonts, Patrick Hand), from a table made
// from the font itself (advance.go; cmd/buurtkaart's TestAdvanceTable keeps
// it true). Latin-1 and Latin Extended-A cover Dutch and the names of most
// neighbours; for anything else, a fallback face draws it and a full em
// per character is counted, which no common face exceeds.
const (
	AdvanceFirst rune = ' '
	AdvanceLast  rune = 'ſ' // U+017F, the end of Latin Extended-A
)

// Advance is the width of r in ems.
func Advance(r rune) float64 {
	if r >= AdvanceFirst && r <= AdvanceLast {
		if w := advances[r-AdvanceFirst]; w > 0 {
			return float64(w) / 1000
		}
	}
	return 1
}
