package sketch

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/buurtkaart/buurtkaart/wasm/atlas"
)

var update = flag.Bool("update", false, "rewrite the golden SVG files in testdata/")

// TestGolden draws every map in geodata/golden and the sample as the page
// ships it (PageOptions: the laptop's and the phone's places and names),
// and compares the SVG byte for byte with testdata/NAME.svg. Run `go test
// ./wasm/sketch -update` after a deliberate change and review the diff.
func TestGolden(t *testing.T) {
	inputs, _ := filepath.Glob("../../geodata/golden/*.geojson")
	inputs = append(inputs, "../../geodata/schilderswijk.geojson")
	for _, in := range inputs {
		name := strings.TrimSuffix(filepath.Base(in), ".geojson")
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(in)
			if err != nil {
				t.Fatal(err)
			}
			m, diags := atlas.Parse(data, nil)
			if m == nil || atlas.HasErrors(diags) {
				t.Fatalf("%s: %v", in, diags)
			}
			d, _ := Map(m, PageOptions())
			var got bytes.Buffer
			if err := WriteSVG(&got, d); err != nil {
				t.Fatal(err)
			}
			golden := filepath.Join("testdata", name+".svg")
			if *update {
				os.MkdirAll("testdata", 0o755)
				if err := os.WriteFile(golden, got.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if !bytes.Equal(got.Bytes(), want) {
				t.Errorf("%s differs from %s; run with -update and review the diff", name, golden)
			}
		})
	}
}

func TestFrameRoundTrip(t *testing.T) {
	f := NewFrame(atlas.BBox{W: 4.29, S: 52.06, E: 4.32, N: 52.076}, 1000, 24)
	for _, p := range []atlas.Point{{Lon: 4.29, Lat: 52.076}, {Lon: 4.305, Lat: 52.068}, {Lon: 4.32, Lat: 52.06}} {
		q := f.Unproject(f.Project(p))
		if d := max(abs(q.Lon-p.Lon), abs(q.Lat-p.Lat)); d > 1e-9 {
			t.Errorf("%v → %v: off by %g°", p, q, d)
		}
	}
	if xy := f.Project(atlas.Point{Lon: 4.29, Lat: 52.076}); xy != (XY{24, 24}) {
		t.Errorf("north-west corner at %v, want the margin (24, 24)", xy)
	}
}

// Options.Frame is the frame Map draws in (the browser's core takes it
// without drawing when it keeps the server's drawing).
func TestOptionsFrame(t *testing.T) {
	m := &atlas.Map{Bounds: atlas.BBox{W: 4.29, S: 52.06, E: 4.32, N: 52.076}}
	for _, o := range []*Options{nil, PageOptions(), {Width: 2000, Margin: 10}} {
		if _, f := Map(m, o); f != o.Frame(m) {
			t.Errorf("%+v: Map draws in %+v, Frame says %+v", o, f, o.Frame(m))
		}
	}
}

func TestHostileTextIsEscaped(t *testing.T) {
	m := &atlas.Map{Title: `</title><script>alert(1)</script>`, Bounds: atlas.BBox{W: 4.29, S: 52.06, E: 4.32, N: 52.076},
		Places: []atlas.Place{{ID: `x" onload="alert(1)`, Name: `<img src=x onerror=alert(1)>`, Kind: "plek", At: atlas.Point{Lon: 4.3, Lat: 52.07}}}}
	d, _ := Map(m, nil)
	var b bytes.Buffer
	WriteSVG(&b, d)
	for _, bad := range []string{"<script", "<img", `" onload="`} {
		if strings.Contains(b.String(), bad) {
			t.Errorf("SVG contains %q:\n%s", bad, b.String())
		}
	}
}

func abs(v float64) float64 { return max(v, -v) }
