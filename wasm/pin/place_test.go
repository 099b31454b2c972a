package pin

import (
	"testing"

	"github.com/buurtkaart/buurtkaart/wasm/atlas"
	"github.com/buurtkaart/buurtkaart/wasm/kind"
)

func TestPlace(t *testing.T) {
	base := Pin{ID: "a", Lon: 4.3, Lat: 52.07, Kind: kind.Plek, Note: "Mooie bank in de zon", Created: "2026-11-30T10:00:00Z", Status: Visible}
	tests := []struct {
		name  string
		edit  func(*Pin)
		check func(t *testing.T, p atlas.Place)
	}{
		{"named", func(p *Pin) { p.Name = "Zonnebank" }, func(t *testing.T, p atlas.Place) {
			if p.Name != "Zonnebank" || p.Note != "Mooie bank in de zon" || p.Since != "november 2026" || p.Pin != atlas.PinShown {
				t.Errorf("got %+v", p)
			}
		}},
		{"named by its note", nil, func(t *testing.T, p atlas.Place) {
			if p.Name != "Mooie bank in de zon" {
				t.Errorf("name %q", p.Name)
			}
		}},
		{"a long note is cut at a word", func(p *Pin) { p.Note = "Hier speelt elke woensdag een groep kinderen voetbal op het pleintje" },
			func(t *testing.T, p atlas.Place) {
				if p.Name != "Hier speelt elke woensdag een…" {
					t.Errorf("name %q", p.Name)
				}
			}},
		{"no note: the kind", func(p *Pin) { p.Note = "" }, func(t *testing.T, p atlas.Place) {
			if p.Name != "Plek" {
				t.Errorf("name %q", p.Name)
			}
		}},
		{"author only with consent", func(p *Pin) { p.Author = "Fatima" }, func(t *testing.T, p atlas.Place) {
			if p.Author != "" {
				t.Errorf("author %q shown without consent", p.Author)
			}
		}},
		{"author with consent", func(p *Pin) { p.Author, p.ShowAuthor = "Fatima", true }, func(t *testing.T, p atlas.Place) {
			if p.Author != "Fatima" {
				t.Errorf("author %q", p.Author)
			}
		}},
		{"pending waits", func(p *Pin) { p.Status = Pending }, func(t *testing.T, p atlas.Place) {
			if p.Pin != atlas.PinWaiting {
				t.Errorf("state %v", p.Pin)
			}
		}},
		{"not sent yet: no month", func(p *Pin) { p.Created = "" }, func(t *testing.T, p atlas.Place) {
			if p.Since != "" {
				t.Errorf("since %q", p.Since)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := base
			if tt.edit != nil {
				tt.edit(&p)
			}
			tt.check(t, p.Place())
		})
	}
}

func TestMonthEN(t *testing.T) {
	for in, want := range map[string]string{"november 2026": "November 2026", "2019": "2019", "Maart 2020": "March 2020", "": ""} {
		if got := MonthEN(in); got != want {
			t.Errorf("MonthEN(%q) = %q, want %q", in, got, want)
		}
	}
}
