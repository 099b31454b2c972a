package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
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
		{"geojson needs --from", []string{"import", "geodata/golden/mini.geojson"}, regexp.MustCompile(`say which format with --from`)},
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
