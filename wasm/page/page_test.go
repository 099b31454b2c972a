package page

import (
	"math"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/buurtkaart/buurtkaart/wasm/atlas"
	"github.com/buurtkaart/buurtkaart/wasm/sketch"
	"github.com/buurtkaart/buurtkaart/web"
)

func sample(t testing.TB) (*atlas.Map, []byte) {
	t.Helper()
	data, err := os.ReadFile("../../geodata/schilderswijk.geojson")
	if err != nil {
		t.Fatal(err)
	}
	m, _ := atlas.Parse(data, nil)
	if m == nil {
		t.Fatal("the sample map does not parse")
	}
	return m, data
}

// Render makes exactly the files Made names, each page with the map's own
// title and drawing, and the QR code of the map's own address.
func TestRender(t *testing.T) {
	m, data := sample(t)
	files, err := Render(m, data, Options{Templates: web.Templates, URL: "https://kaart.example.nl/schilderswijk/"})
	if err != nil {
		t.Fatal(err)
	}
	for name := range names {
		if _, ok := files[name]; !ok {
			t.Errorf("Render made no %s", name)
		}
	}
	for name := range files {
		if !Made(name) {
			t.Errorf("Render made %s, which Made does not name", name)
		}
	}
	// The drawing is named by the map file it was drawn from, as the
	// browser's core names the file it loads (core.js keeps the drawing).
	source := `data-source="` + atlas.Source(files["map.geojson"]) + `"`
	for _, name := range []string{"index.html", "embed.html"} {
		if !strings.Contains(string(files[name]), `<svg xmlns="http://www.w3.org/2000/svg" id="kaart"`) {
			t.Errorf("%s has no drawn map", name)
		}
		if !strings.Contains(string(files[name]), source) {
			t.Errorf("%s does not carry %s", name, source)
		}
	}
	if !strings.Contains(string(files["index.html"]), "https://kaart.example.nl/schilderswijk/oembed?format=json&amp;url=https%3A%2F%2Fkaart.example.nl%2Fschilderswijk%2F") {
		t.Error("index.html's oEmbed link is not the map's own address")
	}
	if !strings.Contains(string(files["manifest.webmanifest"]), `"short_name": "Schilderswijk"`) {
		t.Errorf("the manifest does not carry the buurt's name: %s", files["manifest.webmanifest"])
	}
	if !strings.HasPrefix(string(files["qr.json"]), `{"url":"https://kaart.example.nl/schilderswijk/#pin","modules":[[true,`) {
		t.Errorf("qr.json = %.80s…", files["qr.json"])
	}
}

// The page maps lon/lat linearly between the corners; that must put a
// place where the core draws it, to a tenth of a unit.
func TestCorners(t *testing.T) {
	m, _ := sample(t)
	_, f := sketch.Map(m, nil)
	var c [4]float64
	for i, p := range strings.Split(corners(f), ",") {
		c[i], _ = strconv.ParseFloat(p, 64)
	}
	for _, p := range m.Places[:5] {
		want := f.Project(p.At)
		x, y := (p.At.Lon-c[0])/(c[2]-c[0])*f.Width, (p.At.Lat-c[1])/(c[3]-c[1])*f.Height
		if d := max(math.Abs(x-want.X), math.Abs(y-want.Y)); d > 0.1 {
			t.Errorf("%s: corners put it at (%.2f, %.2f), the core at (%.2f, %.2f)", p.ID, x, y, want.X, want.Y)
		}
	}
}

// BenchmarkRender is a cold render of a map's files: what a host pays once
// per revision.
func BenchmarkRender(b *testing.B) {
	m, data := sample(b)
	for b.Loop() {
		if _, err := Render(m, data, Options{Templates: web.Templates}); err != nil {
			b.Fatal(err)
		}
	}
}

func TestOEmbedDiscoveryIsAbsoluteWithURL(t *testing.T) {
	tests := map[string]string{
		"":                                     "oembed?format=json&url=%2F",
		"https://schilderswijk.buurtkaart.nl":  "https://schilderswijk.buurtkaart.nl/oembed?format=json&url=https%3A%2F%2Fschilderswijk.buurtkaart.nl%2F",
		"https://schilderswijk.buurtkaart.nl/": "https://schilderswijk.buurtkaart.nl/oembed?format=json&url=https%3A%2F%2Fschilderswijk.buurtkaart.nl%2F",
	}
	for in, want := range tests {
		if got := oembedDiscovery(in); got != want {
			t.Errorf("oembedDiscovery(%q) = %q, want %q", in, got, want)
		}
	}
}
