package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/buurtkaart/buurtkaart/wasm/atlas"
	"github.com/buurtkaart/buurtkaart/wasm/exchange"
	"github.com/buurtkaart/buurtkaart/wasm/maps"
)

// TestImportExport drives import and export as a community builder would:
// a spreadsheet in, a map file out that check accepts; a map out as KML
// and back in with the same places.
func TestImportExport(t *testing.T) {
	dir := t.TempDir()
	mapFile := filepath.Join(dir, "plekken.geojson")
	code, out := run(t, "import", "--from", "csv", "wasm/exchange/testdata/plekken.csv", "-o", mapFile)
	if code != 0 || !strings.Contains(out, `plekken.csv: line 6 "Kapot": error: lat "noord", lon "4,30" are not numbers; left out`) ||
		!strings.Contains(out, "4 places, 0 shapes") {
		t.Fatalf("import: exit %d\n%s", code, out)
	}
	if code, out := run(t, "check", mapFile); code != 0 || !strings.Contains(out, "ok: 4 places") {
		t.Fatalf("check of the imported map: exit %d\n%s", code, out)
	}
	kml := filepath.Join(dir, "mini.kml")
	if code, out := run(t, "export", "--map", "geodata/golden/mini.geojson", "-o", kml); code != 0 || out != "" {
		t.Fatalf("export: exit %d\n%s", code, out)
	}
	back := filepath.Join(dir, "back.geojson")
	if code, out := run(t, "import", kml, "-o", back); code != 0 || !strings.Contains(out, "5 places, 2 shapes") {
		t.Fatalf("import of the export: exit %d\n%s", code, out)
	}
	data, _ := os.ReadFile(back)
	if !strings.Contains(string(data), `"name":"Fatima naait","kind":"talent","note":"Vraag het haar!"`) {
		t.Errorf("round trip lost Fatima:\n%s", data)
	}
}

func TestExportToStdout(t *testing.T) {
	code, out := run(t, "export", "--to", "csv", "--map", "geodata/golden/mini.geojson")
	if code != 0 || !strings.Contains(out, "Fatima naait;talent;Vraag het haar!;52.0662;4.3012;t1") ||
		!strings.Contains(out, "export: warning: a CSV holds places only: 2 lines and areas") {
		t.Fatalf("exit %d\n%s", code, out)
	}
}

func TestImportExportRefusals(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want *regexp.Regexp
	}{
		{"no format to tell", []string{"import", "README.md"}, regexp.MustCompile(`README\.md: neither JSON nor XML, and its extension names no format; say which with --from`)},
		{"unknown format", []string{"import", "--from", "shp", "geodata/golden/mini.geojson"}, regexp.MustCompile(`exchange: cannot import "shp"`)},
		{"not csv", []string{"import", "--from", "csv", "geodata/golden/mini.geojson"}, regexp.MustCompile(`exchange: the CSV has no lat column`)},
		{"missing file", []string{"import", "--from", "gpx", "weg.gpx"}, regexp.MustCompile(`weg\.gpx: no such file or directory`)},
		{"two files", []string{"import", "--from", "gpx", "a.gpx", "b.gpx"}, regexp.MustCompile(`usage: buurtkaart import`)},
		{"export needs --to", []string{"export", "--map", "geodata/golden/mini.geojson"}, regexp.MustCompile(`say which format with --to`)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out := run(t, tt.args...)
			if code != 1 || !tt.want.MatchString(out) || strings.Contains(out, "goroutine") {
				t.Fatalf("exit %d\n%s\nwant exit 1 and %s", code, out, tt.want)
			}
		})
	}
}

// A geojson file imports without --from: its content says which format.
func TestImportDetectsFormat(t *testing.T) {
	for _, c := range []struct{ file, want string }{
		{"geodata/golden/mini.geojson", "5 places, 2 shapes"},
		{"wasm/exchange/testdata/osmtogeojson-map.osm", "3 places, 15 shapes"},
		{"wasm/exchange/testdata/umap-osm-relation.json", "0 places, 1 shapes"},
	} {
		if code, out := run(t, "import", c.file, "-o", filepath.Join(t.TempDir(), "x.geojson")); code != 0 || !strings.Contains(out, c.want) {
			t.Errorf("%s: exit %d\n%s", c.file, code, out)
		}
	}
}

// buurtkaart maps new makes one map of the files a buurt already has, in
// any mix of formats: a real overpass-turbo street export (every street
// kept), an .osm extract, uMap's CSV, an Overpass 'out geom' relation, a
// GPX walk, Google My Maps' KML and a uMap backup; with the title, CBS
// codes and boundary given. maps export gives the map file back, and
// import → export → import is a fixed point.
func TestMapsNewFromManyFiles(t *testing.T) {
	dir := t.TempDir()
	streets := filepath.Join(dir, "cluj-streets.geojson")
	gunzip(t, "../../wasm/exchange/testdata/cluj-streets.geojson.gz", streets)
	bound := filepath.Join(dir, "grens.geojson")
	os.WriteFile(bound, []byte(`{"type":"Feature","properties":{"name":"buurt"},"geometry":{"type":"Polygon","coordinates":[[[23.5,46.7],[23.7,46.7],[23.7,46.8],[23.5,46.8],[23.5,46.7]]]}}`), 0o644)
	td := "../../wasm/exchange/testdata/"
	db, out := filepath.Join(dir, "m.db"), filepath.Join(dir, "out.geojson")
	err := mapsCmd([]string{"new", "--db", db, "--slug", "cluj", "--title", "Ons Cluj", "--cbs", "BU05182915,BU05182916", "--cbs", "BU05182917",
		"--boundary", bound, streets, td + "osmtogeojson-map.osm", td + "umap-upload.csv", td + "umap-osm-relation.json",
		td + "wandeling.gpx", td + "mymaps.kml", td + "schilderswijk.umap"})
	if err != nil {
		t.Fatal(err)
	}
	if err := mapsCmd([]string{"export", "--db", db, "--slug", "cluj", "-o", out}); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(out)
	m, diags := atlas.Parse(data, nil)
	if m == nil {
		t.Fatal(diags)
	}
	streetCount := 0
	for _, s := range m.Shapes {
		if s.Layer == atlas.Straat {
			streetCount++
		}
	}
	// 2,887 highway ways of Cluj, 8 streets of the .osm extract, Hoefkade from the KML.
	if m.Title != "Ons Cluj" || strings.Join(m.CBS, " ") != "BU05182915 BU05182916 BU05182917" || streetCount != 2887+8+1 {
		t.Errorf("title %q, cbs %q, %d streets", m.Title, m.CBS, streetCount)
	}
	// 38 places of Cluj, 3 of the .osm, 2 of the CSV, 3 of the GPX, 3 of the KML, 3 of the uMap backup.
	if len(m.Places) != 38+3+2+3+3+3 {
		t.Errorf("%d places", len(m.Places))
	}
	ctx := context.Background()
	sql, err := openDB(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer sql.Close()
	stored, err := maps.NewStore(sql).Current(ctx, "cluj")
	if err != nil || !strings.Contains(stored.Boundary, `[23.5,46.7],[23.7,46.7]`) {
		t.Errorf("boundary %q, %v", stored.Boundary, err)
	}

	// Fixed point: the exported map, made a map again through import, is
	// the same file; and imported as GeoJSON and written, too.
	if err := mapsCmd([]string{"new", "--db", db, "--slug", "cluj-2", "--title", "Ons Cluj", out}); err != nil {
		t.Fatal(err)
	}
	again := filepath.Join(dir, "again.geojson")
	if err := mapsCmd([]string{"export", "--db", db, "--slug", "cluj-2", "-o", again}); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(again); !bytes.Equal(got, data) {
		t.Errorf("import → export → import is not a fixed point: %d bytes, then %d", len(data), len(got))
	}
	back, _, err := exchange.Import(data, exchange.GeoJSON, nil)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := atlas.Write(&buf, back, nil); err != nil || !bytes.Equal(buf.Bytes(), data) {
		t.Errorf("the exported map imports as another map (%v)", err)
	}
}

func TestMapsNewRefusals(t *testing.T) {
	dir := t.TempDir()
	line := filepath.Join(dir, "lijn.geojson")
	os.WriteFile(line, []byte(`{"type":"LineString","coordinates":[[4.3,52.06],[4.31,52.07]]}`), 0o644)
	db := filepath.Join(dir, "m.db")
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"no files", []string{"--slug", "x"}, "maps new: give one or more files"},
		{"boundary not an area", []string{"--slug", "x", "--boundary", line, "../../geodata/golden/mini.geojson"}, "boundary: not a Polygon or MultiPolygon"},
		{"a file of no format", []string{"--slug", "x", "../../README.md"}, "neither JSON nor XML"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := mapsCmd(append([]string{"new", "--db", db}, tt.args...))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err %v, want %q", err, tt.want)
			}
		})
	}
}

func gunzip(t *testing.T, from, to string) {
	t.Helper()
	f, err := os.Open(from)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	z, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	data, err := io.ReadAll(z)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, data, 0o644); err != nil {
		t.Fatal(err)
	}
}
