package atlas

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// FuzzParse feeds Parse every map file in geodata/ and mutations of them.
// Parse must never panic, and whatever it reads must survive Write: the
// written file parses, and from the second generation on (once rounding
// has happened) writing is a fixed point.
//
//	go test -fuzz=FuzzParse -fuzztime=60s ./wasm/atlas
func FuzzParse(f *testing.F) {
	for _, glob := range []string{"../../geodata/*.geojson", "../../geodata/golden/*.geojson", "../../geodata/golden/write/*.geojson", "testdata/*.geojson"} {
		files, _ := filepath.Glob(glob)
		for _, file := range files {
			data, err := os.ReadFile(file)
			if err != nil {
				f.Fatal(err)
			}
			f.Add(data)
		}
	}
	f.Add([]byte(fc(bench)))
	f.Fuzz(func(t *testing.T, data []byte) {
		m, diags := Parse(data, nil)
		for _, d := range diags {
			_ = d.String()
		}
		if m == nil {
			return
		}
		out := write(t, m)
		m2, diags := Parse(out, nil)
		if m2 == nil {
			t.Fatalf("written map does not parse: %v\n%s", diags, out)
		}
		out2 := write(t, m2)
		m3, _ := Parse(out2, nil)
		if out3 := write(t, m3); !bytes.Equal(out2, out3) {
			t.Fatalf("writing is not a fixed point:\n%s\n%s", out2, out3)
		}
	})
}
