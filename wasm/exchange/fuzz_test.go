package exchange

import (
	"io"
	"os"
	"path/filepath"
	"testing"
)

// fuzzImport fuzzes one importer, seeded from files matching globs. An
// importer must never panic, and whatever it imports must export to
// every format.
//
//	go test -fuzz=FuzzImportCSV -fuzztime=60s ./wasm/exchange
func fuzzImport(f *testing.F, from Format, globs ...string) {
	for _, glob := range globs {
		files, _ := filepath.Glob(glob)
		for _, file := range files {
			data, err := os.ReadFile(file)
			if err != nil {
				f.Fatal(err)
			}
			f.Add(data)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		m, notes, err := Import(data, from, nil)
		for _, n := range notes {
			_ = n.String()
		}
		if err != nil {
			return
		}
		for _, to := range []Format{GeoJSON, CSV, GPX, KML} {
			if _, err := Export(io.Discard, m, to); err != nil {
				t.Fatalf("export %s: %v", to, err)
			}
		}
	})
}

var geojsonSeeds = []string{"testdata/*.geojson", "testdata/*.json", "testdata/*.umap", "../../geodata/golden/*.geojson", "../../geodata/golden/write/*.geojson"}

func FuzzImportUMap(f *testing.F)     { fuzzImport(f, UMap, geojsonSeeds...) }
func FuzzImportOverpass(f *testing.F) { fuzzImport(f, Overpass, geojsonSeeds...) }
func FuzzImportCSV(f *testing.F)      { fuzzImport(f, CSV, "testdata/*.csv") }
func FuzzImportGPX(f *testing.F)      { fuzzImport(f, GPX, "testdata/*.gpx") }
func FuzzImportKML(f *testing.F)      { fuzzImport(f, KML, "testdata/*.kml") }
