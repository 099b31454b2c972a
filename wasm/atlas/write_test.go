package atlas

import (
	"bytes"
	"encoding/json"
	"flag"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/paulmach/orb"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// goldenInputs are the map files the writer's golden test reads: the
// drawing's golden inputs, those made for the writer, and the sample.
func goldenInputs(t testing.TB) []string {
	a, _ := filepath.Glob("../../geodata/golden/*.geojson")
	b, _ := filepath.Glob("../../geodata/golden/write/*.geojson")
	in := append(append(a, b...), "../../geodata/schilderswijk.geojson")
	if len(in) < 3 {
		t.Fatalf("golden inputs missing: %v", in)
	}
	return in
}

// TestWriteGolden writes every golden input and compares the result byte
// for byte with testdata/NAME_out.geojson, then checks that it parses back
// to the same Map, and that writing that again changes nothing. Run `go
// test ./wasm/atlas -update` after a deliberate change and review the diff.
func TestWriteGolden(t *testing.T) {
	for _, in := range goldenInputs(t) {
		name := strings.TrimSuffix(filepath.Base(in), ".geojson")
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(in)
			if err != nil {
				t.Fatal(err)
			}
			m, diags := Parse(data, nil)
			if m == nil || len(diags) > 0 {
				t.Fatalf("%s: %v", in, diags)
			}
			got := write(t, m)
			golden := filepath.Join("testdata", name+"_out.geojson")
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s differs from %s; run with -update and review the diff", name, golden)
			}
			back, diags := Parse(got, nil)
			if back == nil || len(diags) > 0 {
				t.Fatalf("written file does not parse cleanly: %v", diags)
			}
			if want := canonical(m); !reflect.DeepEqual(back, want) {
				t.Errorf("parsed back differently:\n got %+v\nwant %+v", back, want)
			}
			if again := write(t, back); !bytes.Equal(again, got) {
				t.Errorf("writing the written map again changes it")
			}
		})
	}
}

func write(t testing.TB, m *Map) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := Write(&b, m, nil); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// canonical is m as Write promises to give it back: coordinates rounded to
// 6 decimals, rings wound RFC 7946's way, extra members compacted.
func canonical(m *Map) *Map {
	c := *m
	r := func(v float64) float64 { return math.Round(v*1e6) / 1e6 }
	rp := func(p Point) Point { return Point{r(p.Lon), r(p.Lat)} }
	c.Extra = compact(m.Extra)
	c.Places = slices.Clone(m.Places)
	for i := range c.Places {
		c.Places[i].At = rp(c.Places[i].At)
		c.Places[i].Extra = compact(c.Places[i].Extra)
	}
	c.Shapes = slices.Clone(m.Shapes)
	for i, s := range c.Shapes {
		s.Extra = compact(s.Extra)
		s.Parts = make([][]Point, len(s.Parts))
		for k, part := range m.Shapes[i].Parts {
			for _, p := range part {
				s.Parts[k] = append(s.Parts[k], rp(p))
			}
			if o := orbRing(s.Parts[k]).Orientation(); s.Area && o != 0 && slices.Contains(s.Polygons, k) == (o == orb.CW) {
				slices.Reverse(s.Parts[k])
			}
		}
		c.Shapes[i] = s
	}
	return &c
}

func compact(members map[string]json.RawMessage) map[string]json.RawMessage {
	if members == nil {
		return nil
	}
	out := map[string]json.RawMessage{}
	for k, v := range members {
		var b bytes.Buffer
		json.Compact(&b, v)
		out[k] = b.Bytes()
	}
	return out
}

func TestWrite(t *testing.T) {
	tests := []struct {
		name string
		m    Map
		want string
	}{
		{"empty", Map{}, "{\"type\":\"FeatureCollection\",\"features\":[\n]}\n"},
		{"rounding and escaping", Map{Title: "A\u2028B", Places: []Place{{ID: "x", Name: "<b>\"&\"</b>\x01", Kind: "plek",
			At: Point{-0.0000001, 52.12345649}}}},
			"{\"type\":\"FeatureCollection\",\"title\":\"A\\u2028B\",\"features\":[\n" +
				`{"type":"Feature","id":"x","geometry":{"type":"Point","coordinates":[0,52.123456]},"properties":{"name":"<b>\"&\"</b>\u0001","kind":"plek"}}` +
				"\n]}\n"},
		{"bbox rounded outwards", Map{Bounds: BBox{4.1234561, 52.1234569, 4.2000001, 52.3}},
			"{\"type\":\"FeatureCollection\",\"bbox\":[4.123456,52.123456,4.200001,52.3],\"features\":[\n]}\n"},
		{"extras never repeat own members", Map{Extra: map[string]json.RawMessage{"features": []byte("[]"), "z": []byte(" { } ")}},
			"{\"type\":\"FeatureCollection\",\"z\":{},\"features\":[\n]}\n"},
		{"feature order kept", Map{
			Places: []Place{{Feature: 1, Name: "P", Kind: "plek"}},
			Shapes: []Shape{{Feature: 0, Layer: Straat, Parts: [][]Point{{{4.3, 52}, {4.4, 52}}}}, {Feature: 2, Layer: Route, Parts: [][]Point{{{4.3, 52}}}}}},
			"{\"type\":\"FeatureCollection\",\"features\":[\n" +
				`{"type":"Feature","geometry":{"type":"LineString","coordinates":[[4.3,52],[4.4,52]]},"properties":{"layer":"straat"}},` + "\n" +
				`{"type":"Feature","geometry":{"type":"Point","coordinates":[0,0]},"properties":{"name":"P","kind":"plek"}},` + "\n" +
				`{"type":"Feature","geometry":{"type":"Point","coordinates":[4.3,52]},"properties":{"layer":"route"}}` +
				"\n]}\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := string(write(t, &tt.m)); got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

func TestWriteRefusesExtraThatIsNotJSON(t *testing.T) {
	m := &Map{Extra: map[string]json.RawMessage{"x": []byte("{")}}
	err := Write(&bytes.Buffer{}, m, nil)
	if err == nil || !strings.HasPrefix(err.Error(), `atlas: member "x" is not JSON`) {
		t.Fatalf("err = %v", err)
	}
}
