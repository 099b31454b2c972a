package pin

import (
	"fmt"
	"testing"
	"time"

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

// Month never reads a month time.Parse(time.RFC3339) would not, and reads
// the same one (time.Parse is more lenient: a "+24:00" offset, a comma
// before the fraction).
func FuzzMonth(f *testing.F) {
	for _, s := range []string{"2026-11-30T19:48:18Z", "2026-02-29T00:00:00Z", "2024-02-29T23:59:59.123+01:00",
		"2026-11-30T19:48:18,5Z", "2026-13-01T00:00:00Z", "2026-11-30T24:00:00Z", "2026-11-30T19:48:60Z",
		"2026-11-30T19:48:18.Z", "2026-11-30T19:48:18+24:00", "2026-11-30 19:48:18Z", "", "0000-01-01T00:00:00Z",
		"2026-11-30T19:48:18-00:30", "2026-11-30T19:48:18z", "+2026-11-30T19:48:18Z"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		nl, en := Month(s)
		if nl == "" && en == "" {
			return
		}
		tm, err := time.Parse(time.RFC3339, s)
		if err != nil {
			t.Fatalf("Month(%q) = %q, %q; time.Parse: %v", s, nl, en, err)
		}
		if want := monthOf(tm); nl+"|"+en != want {
			t.Fatalf("Month(%q) = %q, %q, want %q", s, nl, en, want)
		}
	})
}

// Month reads every time as the servers write it (time.RFC3339 in UTC) and
// as RFC 3339 allows (a fraction, an offset).
func FuzzMonthOf(f *testing.F) {
	f.Add(int64(1795974498), 0, 0)
	f.Add(int64(-62135596800), 999999999, -720)
	f.Add(int64(253402300799), 5, 840)
	f.Fuzz(func(t *testing.T, sec int64, nsec, offsetMin int) {
		tm := time.Unix(sec, int64(nsec)%1e9).In(time.FixedZone("", (offsetMin%(24*60))*60))
		if tm.Year() < 0 || tm.Year() > 9999 || tm.UTC().Year() < 0 || tm.UTC().Year() > 9999 {
			return
		}
		for s, want := range map[string]string{tm.UTC().Format(time.RFC3339): monthOf(tm.UTC()), stamp(tm): monthOf(tm.UTC()),
			tm.Format(time.RFC3339Nano): monthOf(tm)} {
			if nl, en := Month(s); nl+"|"+en != want {
				t.Fatalf("Month(%q) = %q, %q, want %q", s, nl, en, want)
			}
		}
	})
}

func monthOf(tm time.Time) string {
	y := tm.Format(" 2006")
	return monthsNL[tm.Month()-1] + y + "|" + monthsEN[tm.Month()-1] + y
}

// stamp writes what time.Format(time.RFC3339) writes in UTC.
func TestStamp(t *testing.T) {
	for _, tm := range []time.Time{{}, time.Unix(1795974498, 123456789), time.Date(2026, 11, 30, 23, 30, 0, 5, time.FixedZone("", -3600))} {
		if got, want := stamp(tm), tm.UTC().Format(time.RFC3339); got != want {
			t.Errorf("stamp(%v) = %q, want %q", tm, got, want)
		}
	}
}

// codePoint writes what fmt's "U+%04X" writes, for the characters text
// holds (never negative).
func FuzzCodePoint(f *testing.F) {
	for _, r := range []rune{0, 0x200b, 0x202e, 0xfeff, 0x10ffff, 0xe0001} {
		f.Add(r)
	}
	f.Fuzz(func(t *testing.T, r rune) {
		if r < 0 {
			return
		}
		if got, want := codePoint(r), fmt.Sprintf("U+%04X", r); got != want {
			t.Fatalf("codePoint(%d) = %q, want %q", r, got, want)
		}
	})
}
