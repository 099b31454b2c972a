package kind

import "testing"

func TestParse(t *testing.T) {
	tests := []struct {
		in   string
		want Kind
		ok   bool
	}{
		{"talent", Talent, true},
		{" Verband ", Verband, true},
		{"skill", Talent, true},
		{"association", Verband, true},
		{"place", Plek, true},
		{"story", Verhaal, true},
		{"institution", Partner, true},
		{"", "", false},
		{"complaint", "", false},
		{"plekken", "", false},
	}
	for _, tt := range tests {
		got, ok := Parse(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("Parse(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestNearest(t *testing.T) {
	tests := map[string]Kind{
		"talnet":   Talent,
		"verbnd":   Verband,
		"plekken":  Plek,
		"verhalen": Verhaal,
		"partners": Partner,
		"stroy":    Verhaal,
	}
	for in, want := range tests {
		if got := Nearest(in); got != want {
			t.Errorf("Nearest(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestEveryKindHasText(t *testing.T) {
	for _, k := range All {
		if tx := k.Text(); tx.NL == "" || tx.EN == "" || tx.PromptNL == "" || tx.PromptEN == "" {
			t.Errorf("%s: incomplete text %+v", k, tx)
		}
	}
}
