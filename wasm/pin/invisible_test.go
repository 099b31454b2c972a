package pin

import "testing"

func TestInvisible(t *testing.T) {
	tests := []struct {
		name string
		text string
		want rune // -1: allowed
	}{
		{"plain Dutch", "Fijn bankje — ë ï é ĳ", -1},
		{"right-to-left override", "Bakker\u202Eenaz", 0x202E},
		{"left-to-right embedding", "a\u202Ab", 0x202A},
		{"first strong isolate", "a\u2068b\u2069", 0x2068},
		{"left-to-right isolate", "\u2066x", 0x2066},
		{"zero-width space", "Bak\u200Bker", 0x200B},
		{"word joiner", "Bak\u2060ker", 0x2060},
		{"byte-order mark", "\uFEFFBakker", 0xFEFF},
		{"joiner between Latin letters", "Bak\u200Dker", 0x200D},
		{"non-joiner at the end", "Bakker\u200C", 0x200C},
		{"joiner at the start", "\u200D👩", 0x200D},
		{"emoji sequence", "kok 👩\u200D🍳 en 👨\u200D👩\u200D👧", -1},
		{"Persian non-joiner", "می\u200Cخواهم", -1},
		{"right-to-left mark", "سوق\u200F (markt)", -1},
		{"flag of Scotland", "\U0001F3F4\U000E0067\U000E0062\U000E0073\U000E0063\U000E0074\U000E007F", -1},
		{"hidden ASCII in tags", "hoi\U000E0068\U000E0069", 0xE0068},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := invisible(tt.text); got != tt.want {
				t.Fatalf("invisible(%q) = %U, want %U", tt.text, got, tt.want)
			}
		})
	}
}
