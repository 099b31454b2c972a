package pin

import (
	"math"
	"testing"

	"github.com/buurtkaart/buurtkaart/wasm/kind"
)

func TestCoarsen(t *testing.T) {
	front := Pin{Kind: kind.Talent, Lon: 4.304321, Lat: 52.067891}
	got := Coarsen(front)
	dx := (got.Lon - front.Lon) * 111320 * math.Cos(52.07*math.Pi/180)
	dy := (got.Lat - front.Lat) * 110540
	if d := math.Hypot(dx, dy); d == 0 || d > 40 {
		t.Errorf("talent pin moved %.1f m; want into the centre of its ~50 m cell (0 < d ≤ 36 m)", d)
	}
	// Two doors in one cell give the same published spot.
	if other := Coarsen(Pin{Kind: kind.Talent, Lon: 4.3044, Lat: 52.0677}); other.Lon != got.Lon || other.Lat != got.Lat {
		t.Errorf("neighbours in one cell differ: %v,%v vs %v,%v", other.Lon, other.Lat, got.Lon, got.Lat)
	}
	if p := Coarsen(Pin{Kind: kind.Plek, Lon: 4.304321, Lat: 52.067891}); p.Lon != 4.304321 {
		t.Errorf("a place was coarsened: %v", p.Lon)
	}
}

func TestHasLink(t *testing.T) {
	tests := map[string]bool{
		"Fijn bankje":                         false,
		"Kijk op www.example.nl":              true,
		"https://x.y":                         true,
		"koop-nu.nl":                          true,
		"mail jan@buurt.nl":                   true,
		"bit.ly/abc":                          true,
		"Hier is het fijn. Daarna de markt.":  false,
		"Om 3.30 uur begint het":              false,
		"De markt.Daarna koffie":              false,
		"javascript:alert(1)":                 false, // not a link to follow; escaped as text anyway
		"Kom naar de bieb (Hobbemastraat 10)": false,
	}
	for in, want := range tests {
		if got := HasLink(in); got != want {
			t.Errorf("HasLink(%q) = %v, want %v", in, got, want)
		}
	}
}

func TestPublicHidesUnconsentedAuthor(t *testing.T) {
	if p := (Pin{Author: "Fatima"}).Public(); p.Author != "" {
		t.Errorf("author published without consent")
	}
	if p := (Pin{Author: "Henk", ShowAuthor: true}).Public(); p.Author != "Henk" {
		t.Errorf("consented author hidden")
	}
}
