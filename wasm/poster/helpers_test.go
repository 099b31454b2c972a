package poster

import (
	"fmt"
	"math/rand"
	"testing"
	"time"

	"github.com/buurtkaart/buurtkaart/wasm/atlas"
	"github.com/buurtkaart/buurtkaart/wasm/atlas/atlastest"
	"github.com/buurtkaart/buurtkaart/wasm/kind"
)

// sample is the Schilderswijk map, the poster's reference input.
func sample(t testing.TB) *atlas.Map { return atlastest.Sample(t) }

// crowded returns the sample with n random places instead of its own,
// named like real ones (10 to 40 characters), from a printed seed.
func crowded(t testing.TB, n int, seed int64) *atlas.Map {
	m := *sample(t)
	rng := rand.New(rand.NewSource(seed))
	words := []string{"Buurthuis", "Fatima", "naait", "gordijnen", "moestuin", "De Heem", "koor", "bankje", "aan het water", "fietsles", "taalcafé", "oude", "hofjes", "bakker", "Jan Steen"}
	m.Places = make([]atlas.Place, n)
	b := m.Bounds
	for i := range m.Places {
		name := ""
		for len(name) < 10+rng.Intn(30) {
			name += words[rng.Intn(len(words))] + " "
		}
		m.Places[i] = atlas.Place{ID: fmt.Sprint("p", i), Name: name[:len(name)-1], Kind: kind.All[rng.Intn(5)],
			At: atlas.Point{Lon: b.W + rng.Float64()*(b.E-b.W), Lat: b.S + rng.Float64()*(b.N-b.S)}}
	}
	return &m
}

// fixed are options that make a poster byte-stable: a date, a URL and a
// QR-like pattern (the core has no encoder; the command's test decodes a
// real one).
func fixed(p Paper) *Options {
	qr := make([][]bool, 25)
	for y := range qr {
		qr[y] = make([]bool, 25)
		for x := range qr[y] {
			qr[y][x] = (x*7+y*13)%5 < 2 || (x < 7 && y < 7)
		}
	}
	return &Options{Paper: p, Date: time.Date(2026, 6, 20, 0, 0, 0, 0, time.UTC),
		URL: "https://schilderswijk.example/#pin", QR: qr}
}

func texts(p *Page) []Text {
	var out []Text
	for _, it := range p.Items {
		if tx, ok := it.(Text); ok {
			out = append(out, tx)
		}
	}
	return out
}
