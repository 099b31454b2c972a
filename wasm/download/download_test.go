package download

import "testing"

func TestSlug(t *testing.T) {
	tests := []struct {
		names []string
		want  string
	}{
		{[]string{"Schilderswijk"}, "schilderswijk"},
		{[]string{"", "Schilderswijk — wat we hier hebben"}, "schilderswijk-wat-we-hier-hebben"},
		{[]string{`evil"; filename=x.exe`}, "evil-filename-x-exe"},
		{[]string{"", "—"}, "buurtkaart"},
	}
	for _, tt := range tests {
		if got := Slug(tt.names...); got != tt.want {
			t.Errorf("Slug(%q) = %q, want %q", tt.names, got, tt.want)
		}
	}
}
