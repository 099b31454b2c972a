package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"image/png"
	"math"
	"math/rand"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/makiuchi-d/gozxing"
	"github.com/makiuchi-d/gozxing/qrcode"

	"github.com/buurtkaart/buurtkaart/wasm/atlas"
	"github.com/buurtkaart/buurtkaart/wasm/kind"
	"github.com/buurtkaart/buurtkaart/wasm/pin"
	"github.com/buurtkaart/buurtkaart/wasm/pins"
	"github.com/buurtkaart/buurtkaart/wasm/poster"
	"github.com/buurtkaart/buurtkaart/wasm/sketch"
)

const testURL = "https://schilderswijk.example.nl/#pin"

// makePoster writes a poster of m in format and returns its bytes.
func makePoster(t testing.TB, m *atlas.Map, job posterJob, format string) []byte {
	t.Helper()
	f, err := loadPosterFont()
	if err != nil {
		t.Fatal(err)
	}
	if job.Date.IsZero() {
		job.Date = time.Date(2026, 6, 20, 0, 0, 0, 0, time.UTC)
	}
	var buf bytes.Buffer
	p, err := job.write(&buf, m, f, format)
	if err != nil {
		t.Fatal(err)
	}
	if p.Unlabelled != 0 {
		t.Errorf("%d places unlabelled", p.Unlabelled)
	}
	return buf.Bytes()
}

func sampleMap(t testing.TB) *atlas.Map {
	t.Helper()
	m, _, err := loadMap("../../geodata/schilderswijk.geojson", os.Stderr)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// poppler returns the path of a poppler-utils tool, skipping the test when
// it is missing (scripts/test installs poppler-utils).
func poppler(t *testing.T, tool string) string {
	t.Helper()
	p, err := exec.LookPath(tool)
	if err != nil {
		t.Skipf("%s not installed (apt-get install poppler-utils)", tool)
	}
	return p
}

func pdfText(t *testing.T, pdf []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "p.pdf")
	os.WriteFile(path, pdf, 0o644)
	out, err := exec.Command(poppler(t, "pdftotext"), "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return strings.Join(strings.Fields(string(out)), " ")
}

// TestPosterPageSize reads the MediaBox of each paper's PDF: ISO 216 in
// points, exact to the 4 decimals canvas writes.
func TestPosterPageSize(t *testing.T) {
	m := sampleMap(t)
	mediaBox := regexp.MustCompile(`/MediaBox\s*\[\s*0 0 ([0-9.]+) ([0-9.]+)\s*\]`)
	tests := []struct {
		paper poster.Paper
		w, h  float64
	}{
		{poster.Paper{Size: poster.A4}, 595.2756, 841.8898},
		{poster.Paper{Size: poster.A3}, 841.8898, 1190.5512},
		{poster.Paper{Size: poster.A2}, 1190.5512, 1683.7795},
		{poster.Paper{Size: poster.A1}, 1683.7795, 2383.937},
		{poster.Paper{Size: poster.A3, Landscape: true}, 1190.5512, 841.8898},
	}
	for _, tt := range tests {
		t.Run(tt.paper.String(), func(t *testing.T) {
			pdf := makePoster(t, m, posterJob{Paper: tt.paper, URL: testURL}, "pdf")
			got := mediaBox.FindAllSubmatch(pdf, -1)
			if len(got) != 1 {
				t.Fatalf("%d MediaBoxes, want 1 page", len(got))
			}
			w, _ := strconv.ParseFloat(string(got[0][1]), 64)
			h, _ := strconv.ParseFloat(string(got[0][2]), 64)
			if math.Abs(w-tt.w) > 0.001 || math.Abs(h-tt.h) > 0.001 {
				t.Errorf("MediaBox %s × %s, want %.4f × %.4f", got[0][1], got[0][2], tt.w, tt.h)
			}
		})
	}
}

// TestPosterQRDecodes prints the PDF at 300 dpi (pdftoppm) and reads the
// QR code back from the whole page, as a phone would from the wall.
func TestPosterQRDecodes(t *testing.T) {
	tool := poppler(t, "pdftoppm")
	m := sampleMap(t)
	for _, paper := range []poster.Paper{{Size: poster.A3}, {Size: poster.A4}} {
		t.Run(paper.String(), func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			pdf := filepath.Join(dir, "p.pdf")
			os.WriteFile(pdf, makePoster(t, m, posterJob{Paper: paper, URL: testURL}, "pdf"), 0o644)
			if out, err := exec.Command(tool, "-r", "300", "-gray", "-png", "-singlefile", pdf, filepath.Join(dir, "p")).CombinedOutput(); err != nil {
				t.Fatalf("pdftoppm: %v\n%s", err, out)
			}
			f, err := os.Open(filepath.Join(dir, "p.png"))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			img, err := png.Decode(f)
			if err != nil {
				t.Fatal(err)
			}
			bmp, err := gozxing.NewBinaryBitmapFromImage(img)
			if err != nil {
				t.Fatal(err)
			}
			res, err := qrcode.NewQRCodeReader().Decode(bmp, nil)
			if err != nil {
				t.Fatalf("QR code does not decode from the %dx%d px print: %v", img.Bounds().Dx(), img.Bounds().Dy(), err)
			}
			if res.GetText() != testURL {
				t.Fatalf("QR code reads %q, want %q", res.GetText(), testURL)
			}
			// the code's size: 12 u including the quiet zone; ≥ 30 mm on A3
			side := 12 * min(paper.MM()) / 100
			t.Logf("%s: QR %.1f mm with a 4-module quiet zone decodes to %s", paper, side, res.GetText())
			if paper.Size == poster.A3 && side < 30 {
				t.Errorf("QR code %.1f mm on A3, want ≥ 30 mm", side)
			}
		})
	}
}

// TestPosterDutchLetters: ë, ï, é and ĳ are in the font and come out of
// the PDF as text (a ToUnicode map over embedded glyphs, not boxes), from
// a subset of the handwriting font that is embedded.
func TestPosterDutchLetters(t *testing.T) {
	f, err := loadPosterFont()
	if err != nil {
		t.Fatal(err)
	}
	face := f.face(10, "#000000")
	for _, r := range "ëïéĳĲ" {
		if face.Font.SFNT.GlyphIndex(r) == 0 {
			t.Errorf("%s has no glyph for %q", posterFont, r)
		}
	}
	m := sampleMap(t)
	m.Title = "Ĳsselbuurt: geëerd, naïef, café"
	m.Places = append(m.Places, atlas.Place{ID: "ij", Name: "ĳsclub Ĳzer", Kind: kind.Verband, At: atlas.Point{Lon: 4.305, Lat: 52.067}})
	pdf := makePoster(t, m, posterJob{Paper: poster.Paper{Size: poster.A3}, URL: testURL}, "pdf")
	text := pdfText(t, pdf)
	for _, want := range []string{"Ĳsselbuurt", "geëerd", "naïef", "café", "ĳsclub Ĳzer"} {
		if !strings.Contains(text, want) {
			t.Errorf("PDF text lacks %q", want)
		}
	}
	path := filepath.Join(t.TempDir(), "p.pdf")
	os.WriteFile(path, pdf, 0o644)
	out, err := exec.Command(poppler(t, "pdffonts"), path).Output()
	if err != nil {
		t.Fatal(err)
	}
	if !regexp.MustCompile(`(?m)^\w+\+PatrickHand-Regular\s+CID TrueType\s+Identity-H\s+yes yes yes`).Match(out) {
		t.Errorf("want one embedded (emb), subset (sub), Unicode-mapped (uni) font:\n%s", out)
	}
}

// TestPosterHasEveryPlace: each of the sample's 68 names is in the PDF's text.
func TestPosterHasEveryPlace(t *testing.T) {
	m := sampleMap(t)
	text := pdfText(t, makePoster(t, m, posterJob{Paper: poster.Paper{Size: poster.A2}, URL: testURL}, "pdf"))
	for _, p := range m.Places {
		if !strings.Contains(text, strings.Join(strings.Fields(p.Name), " ")) {
			t.Errorf("%q is not on the poster", p.Name)
		}
	}
	if len(m.Places) != 68 {
		t.Errorf("%d places, want 68", len(m.Places))
	}
}

// TestPosterFromPinsDB stores hostile pins in an SQLite file as serve
// does and runs `buurtkaart poster --pins`: the pins are drawn (their ink
// is in the SVG), their text stays text in SVG and PDF, and the PDF has
// no actions or scripts.
func TestPosterFromPinsDB(t *testing.T) {
	dir := t.TempDir()
	db, err := openDB(context.Background(), filepath.Join(dir, "pins.db"))
	if err != nil {
		t.Fatal(err)
	}
	store := pins.NewStore(db, "schilderswijk")
	vectors := []string{`<script>alert(1)</script>`, `"><svg onload=alert(1)>`, `<foreignObject>x</foreignObject>`,
		`javascript:alert(1)`, `) Tj /JavaScript (app.alert(1)) Tj (`, `Wim’s bankje: ĳs & “koffie”`}
	for i, v := range vectors {
		p := pin.Pin{ID: fmt.Sprintf("00000000-0000-4000-8000-%012d", i), Lon: 4.30 + float64(i)*0.002, Lat: 52.068,
			Kind: kind.Verhaal, Name: v, Note: v, Author: "Wim " + v, ShowAuthor: i == 5, Status: pin.Visible,
			Created: "2026-06-01T10:00:00Z"}
		if _, err := store.Insert(context.Background(), p, ""); err != nil {
			t.Fatal(err)
		}
	}
	db.Close()
	for _, format := range []string{"svg", "pdf"} {
		out := filepath.Join(dir, "p."+format)
		code, msg := run(t, "poster", "--pins", filepath.Join(dir, "pins.db"), "--size", "A3", "--url", testURL, "-o", out)
		if code != 0 {
			t.Fatalf("exit %d: %s", code, msg)
		}
		data, _ := os.ReadFile(out)
		lower := strings.ToLower(string(data))
		bads := []string{"<script", "<svg onload", "<foreignobject"}
		if format == "pdf" {
			bads = append(bads, "/javascript", "/js ", "/launch", "/openaction", "/aa ", "/uri")
		}
		for _, bad := range bads {
			if strings.Contains(lower, bad) {
				t.Errorf("%s contains %q", format, bad)
			}
		}
		if format == "svg" {
			if !strings.Contains(string(data), sketch.Colour.Pin) || !strings.Contains(string(data), "&lt;script&gt;alert(1)&lt;/script&gt;") {
				t.Errorf("SVG does not show the pins as escaped text in pin ink")
			}
			if !strings.Contains(string(data), "met dank aan Wim") {
				t.Errorf("SVG does not thank the one author who consented")
			}
		} else if text := pdfText(t, data); !strings.Contains(text, "<script>alert(1)</script>") {
			t.Errorf("PDF does not show the pin's note as text")
		}
	}
}

// TestPosterHandler serves /poster.pdf from a built site folder and an API
// double, as routes will.
func TestPosterHandler(t *testing.T) {
	site := t.TempDir()
	data, _ := os.ReadFile("../../geodata/schilderswijk.geojson")
	os.WriteFile(filepath.Join(site, "map.geojson"), data, 0o644)
	api := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		json.NewEncoder(w).Encode(pin.Collection([]pin.Pin{{ID: "a", Lon: 4.3, Lat: 52.07, Kind: kind.Plek, Name: "Bankje", Status: pin.Visible}}))
	})
	h := posterHandler(api, site)
	tests := []struct {
		query, ctype string
		code         int
	}{
		{"?size=A4", "application/pdf", 200},
		{"?size=A3&landscape=1&format=svg", "image/svg+xml", 200},
		{"?size=B5", "", 400},
		{"?size=A4&format=exe", "", 400},
	}
	for _, tt := range tests {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest("GET", "http://buurt.local/poster.pdf"+tt.query, nil))
		if rec.Code != tt.code || (tt.ctype != "" && rec.Header().Get("Content-Type") != tt.ctype) {
			t.Errorf("%s: %d %s, want %d %s: %.200s", tt.query, rec.Code, rec.Header().Get("Content-Type"), tt.code, tt.ctype, rec.Body)
		}
		if tt.code == 200 && !bytes.Contains(rec.Body.Bytes(), []byte("Bankje")) && tt.ctype == "image/svg+xml" {
			t.Errorf("%s: the pin is not on the poster", tt.query)
		}
	}
}

// TestPosterCoreIsPure: wasm/poster imports no host package, and neither
// the QR encoder nor canvas reaches the browser wasm.
func TestPosterCoreIsPure(t *testing.T) {
	out, err := exec.Command("go", "list", "-f", `{{join .Imports "\n"}}`, "../../wasm/poster").Output()
	if err != nil {
		t.Fatal(err)
	}
	for _, imp := range strings.Fields(string(out)) {
		if imp == "os" || imp == "syscall/js" || strings.HasPrefix(imp, "net") || strings.Contains(imp, "tdewolff") || strings.HasPrefix(imp, "rsc.io") {
			t.Errorf("wasm/poster imports %s", imp)
		}
	}
	cmd := exec.Command("go", "list", "-deps", "./wasm", "./wasm/poster")
	cmd.Dir = "../.."
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	deps, err := cmd.Output()
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range strings.Fields(string(deps)) {
		if strings.HasPrefix(d, "rsc.io/qr") || strings.HasPrefix(d, "github.com/tdewolff") || strings.HasPrefix(d, "github.com/makiuchi-d") || d == "net/http" {
			t.Errorf("%s reaches the GOOS=js build of ./wasm or ./wasm/poster", d)
		}
	}
}

// crowdedMap is the sample with n random places.
func crowdedMap(t testing.TB, n int) *atlas.Map {
	m := sampleMap(t)
	rng := rand.New(rand.NewSource(1))
	b := m.Bounds
	m.Places = make([]atlas.Place, n)
	for i := range m.Places {
		m.Places[i] = atlas.Place{ID: strconv.Itoa(i), Name: fmt.Sprintf("Plek %d aan de %s", i, []string{"Hoefkade", "Zuidwal", "Jan Steenstraat"}[i%3]),
			Kind: kind.All[i%5], At: atlas.Point{Lon: b.W + rng.Float64()*(b.E-b.W), Lat: b.S + rng.Float64()*(b.N-b.S)}}
	}
	return m
}

// BenchmarkPosterPDF times an A2 vector PDF from a parsed map: font load,
// QR code, composition and PDF with the subset font (QUALITY: ≤ 3 s for
// 1,000 places).
func BenchmarkPosterPDF(b *testing.B) {
	for _, bc := range []struct {
		name string
		n    int
	}{{"sample", 0}, {"1k", 1000}} {
		m := sampleMap(b)
		if bc.n > 0 {
			m = crowdedMap(b, bc.n)
		}
		b.Run(bc.name, func(b *testing.B) {
			size := 0
			for b.Loop() {
				size = len(makePoster(b, m, posterJob{Paper: poster.Paper{Size: poster.A2}, URL: testURL}, "pdf"))
			}
			b.ReportMetric(float64(size)/1024, "KB")
		})
	}
}
