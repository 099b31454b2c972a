package main

import (
	"encoding/json"
	"image"
	"image/color"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/makiuchi-d/gozxing"
	"github.com/makiuchi-d/gozxing/qrcode"
)

func TestPinFormURL(t *testing.T) {
	for _, c := range []struct{ name, in, want string }{
		{"none", "", ""},
		{"with slash", "https://schilderswijk.buurtkaart.nl/", "https://schilderswijk.buurtkaart.nl/#pin"},
		{"bare host", "https://schilderswijk.buurtkaart.nl", "https://schilderswijk.buurtkaart.nl/#pin"},
		{"sub path", "https://example.nl/kaart/", "https://example.nl/kaart/#pin"},
		{"own fragment and query replaced", "http://127.0.0.1:8080/?x=1#plek-3", "http://127.0.0.1:8080/#pin"},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, err := pinFormURL(c.in)
			if err != nil || got != c.want {
				t.Errorf("pinFormURL(%q) = %q, %v; want %q", c.in, got, err, c.want)
			}
		})
	}
	for _, bad := range []string{"schilderswijk.nl", "ftp://x.nl/", "javascript:alert(1)", "https:///pad"} {
		if got, err := pinFormURL(bad); err == nil {
			t.Errorf("pinFormURL(%q) = %q, want an error", bad, got)
		}
	}
}

// TestQRJSON: qr.json holds modules that a phone's reader decodes to the
// pin form — the same encoder as the PDF's (posterQR) — and a site built
// without --url says so with an empty url and no modules.
func TestQRJSON(t *testing.T) {
	data, err := site{url: "https://schilderswijk.buurtkaart.nl/"}.qrJSON()
	if err != nil {
		t.Fatal(err)
	}
	var code qrCode
	if err := json.Unmarshal(data, &code); err != nil {
		t.Fatal(err)
	}
	const want = "https://schilderswijk.buurtkaart.nl/#pin"
	if code.URL != want {
		t.Errorf("url = %q, want %q", code.URL, want)
	}
	if got := decodeModules(t, code.Modules); got != want {
		t.Errorf("modules decode to %q, want %q", got, want)
	}

	data, err = site{}.qrJSON()
	if err != nil || string(data) != `{"url":"","modules":null}` {
		t.Errorf("without --url: %s, %v", data, err)
	}
	if _, err := (site{url: "schilderswijk.nl"}).qrJSON(); err == nil {
		t.Error("a --url without scheme was accepted")
	}
}

// decodeModules draws modules at 8 px each with the 4-module quiet zone
// the poster gives them, and reads them back as a phone would.
func decodeModules(t *testing.T, modules [][]bool) string {
	t.Helper()
	const px, quiet = 8, 4
	n := len(modules)
	if n < 21 {
		t.Fatalf("%d rows of modules; a QR code has at least 21", n)
	}
	img := image.NewGray(image.Rect(0, 0, (n+2*quiet)*px, (n+2*quiet)*px))
	for i := range img.Pix {
		img.Pix[i] = 0xff
	}
	for y, row := range modules {
		if len(row) != n {
			t.Fatalf("row %d has %d modules, want %d", y, len(row), n)
		}
		for x, dark := range row {
			for dy := 0; dark && dy < px; dy++ {
				for dx := 0; dx < px; dx++ {
					img.SetGray((x+quiet)*px+dx, (y+quiet)*px+dy, color.Gray{})
				}
			}
		}
	}
	bmp, err := gozxing.NewBinaryBitmapFromImage(img)
	if err != nil {
		t.Fatal(err)
	}
	res, err := qrcode.NewQRCodeReader().Decode(bmp, nil)
	if err != nil {
		t.Fatalf("qr.json's modules do not decode: %v", err)
	}
	return res.GetText()
}

// TestPosterPage renders poster.html and qr.json for the sample map: the
// four paper sizes with their millimetres, A4 chosen, the map's title
// escaped into the title field, the page's own script and style, and the
// QR code of the --url.
func TestPosterPage(t *testing.T) {
	root, err := findRoot()
	if err != nil {
		t.Fatal(err)
	}
	m, _, err := loadMap(filepath.Join(root, "geodata", "schilderswijk.geojson"), io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	m.Title = `Schilderswijk <b>&</b> "wij"`
	s := site{root: root, out: t.TempDir(), url: "https://schilderswijk.buurtkaart.nl/"}
	if err := s.renderMap(m, nil); err != nil {
		t.Fatal(err)
	}
	page, _ := os.ReadFile(filepath.Join(s.out, "poster.html"))
	for _, want := range []string{
		`<option value="A4" selected>A4 (210 × 297 mm)</option>`,
		`<option value="A3">A3 (297 × 420 mm)</option>`,
		`<option value="A2">A2 (420 × 594 mm)</option>`,
		`<option value="A1">A1 (594 × 841 mm)</option>`,
		`value="Schilderswijk &lt;b&gt;&amp;&lt;/b&gt; &#34;wij&#34;"`,
		`<html lang="nl">`, `id="postercss"`, `src="poster.js"`, `src="wasm_exec.js"`, `id="voorbeeld"`,
	} {
		if !strings.Contains(string(page), want) {
			t.Errorf("poster.html lacks %s", want)
		}
	}
	if strings.Contains(string(page), "{{") || strings.Contains(string(page), "<b>&") {
		t.Error("poster.html has an unrendered action or the title as markup")
	}
	qr, _ := os.ReadFile(filepath.Join(s.out, "qr.json"))
	if !strings.HasPrefix(string(qr), `{"url":"https://schilderswijk.buurtkaart.nl/#pin","modules":[[true,`) {
		t.Errorf("qr.json = %.80s…", qr)
	}
}
