package boundary

import (
	"encoding/json"
	"github.com/buurtkaart/buurtkaart/wasm/atlas/atlastest"
	"math"
	"os"
	"slices"
	"testing"
	"time"
)

// A square buurt with a pond (a hole), and a MultiPolygon of two blocks.
const (
	square = `{"type":"Polygon","coordinates":[[[4.30,52.06],[4.32,52.06],[4.32,52.07],[4.30,52.07],[4.30,52.06]],
		[[4.305,52.062],[4.307,52.062],[4.307,52.064],[4.305,52.064],[4.305,52.062]]]}`
	blocks = `{"type":"Feature","properties":{},"geometry":{"type":"MultiPolygon","coordinates":[
		[[[4.32,52.06],[4.33,52.06],[4.33,52.065],[4.32,52.065],[4.32,52.06]]],
		[[[4.34,52.06],[4.35,52.06],[4.35,52.065],[4.34,52.065],[4.34,52.06]]]]}}`
)

func TestWhich(t *testing.T) {
	var ix Index
	for key, data := range map[string]string{"schilderswijk": square, "transvaal": blocks} {
		if err := ix.Add(key, data); err != nil {
			t.Fatal(key, err)
		}
	}
	tests := []struct {
		name     string
		lon, lat float64
		want     []string
	}{
		{"inside the square", 4.31, 52.068, []string{"schilderswijk"}},
		{"in the pond", 4.306, 52.063, nil},
		{"on the shared edge", 4.32, 52.062, []string{"schilderswijk", "transvaal"}},
		{"in the second block", 4.345, 52.062, []string{"transvaal"}},
		{"between the blocks: in the bbox, outside the polygon", 4.335, 52.062, nil},
		{"far away", 5.1, 52.1, nil},
	}
	for _, tt := range tests {
		got := ix.Which(tt.lon, tt.lat)
		slices.Sort(got)
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s: Which(%v, %v) = %v, want %v", tt.name, tt.lon, tt.lat, got, tt.want)
		}
	}
	if in, known := ix.Contains("transvaal", 4.335, 52.062); in || !known {
		t.Errorf("Contains between the blocks = %v, %v; want false, true", in, known)
	}
	if _, known := ix.Contains("elders", 4.31, 52.068); known {
		t.Error("an unknown key is known")
	}
	if err := ix.Add("lijn", `{"type":"LineString","coordinates":[[4.3,52.06],[4.31,52.07]]}`); err == nil {
		t.Error("a line accepted as a boundary")
	}
}

func TestHull(t *testing.T) {
	streets := [][2]float64{{4.30, 52.06}, {4.31, 52.061}, {4.32, 52.06}, {4.32, 52.07}, {4.31, 52.065}, {4.30, 52.07}, {4.30, 52.06}}
	h := Hull(streets, 20)
	var ix Index
	if err := ix.Add("hull", h); err != nil {
		t.Fatalf("hull %s: %v", h, err)
	}
	for _, p := range streets {
		if in, _ := ix.Contains("hull", p[0], p[1]); !in {
			t.Errorf("street point %v outside its own hull", p)
		}
	}
	// 20 m beyond the corner is inside, 200 m is not.
	if in, _ := ix.Contains("hull", 4.30-10/(111320*math.Cos(52.06*math.Pi/180)), 52.06-10/111320.0); !in {
		t.Error("10 m past the corner is outside the margin")
	}
	if in, _ := ix.Contains("hull", 4.297, 52.057); in {
		t.Error("200 m past the corner is inside")
	}
	if Hull(streets[:2], 20) != "" {
		t.Error("two points make a hull")
	}
}

// buurtCells makes a boundary for each of the 12,005 CBS buurten of 2014
// from their label points (../shared/data): a hexagon of 0.45 times the
// distance to its nearest neighbour, so no two overlap. Not the real
// outlines (those are not in the data), but as many polygons, spread as
// the buurten are.
func buurtCells(tb testing.TB) (keys []string, cells []string, pts [][2]float64) {
	data, err := os.ReadFile("../../../shared/data/cbs-buurten-2014-labelpoints.geojson")
	if err != nil {
		tb.Skip("no ../shared/data:", err)
	}
	var fc struct {
		Features []struct {
			Properties struct {
				Statcode string `json:"statcode"`
			} `json:"properties"`
			Geometry struct {
				Coordinates [2]float64 `json:"coordinates"`
			} `json:"geometry"`
		} `json:"features"`
	}
	if err := json.Unmarshal(data, &fc); err != nil {
		tb.Fatal(err)
	}
	for _, f := range fc.Features {
		keys = append(keys, f.Properties.Statcode)
		pts = append(pts, f.Geometry.Coordinates)
	}
	near := nearestDistances(pts)
	for i, p := range pts {
		r := 0.45 * near[i]
		var ring [][2]float64
		for k := 0; k <= 6; k++ {
			a := float64(k%6) * math.Pi / 3
			ring = append(ring, [2]float64{p[0] + r*math.Cos(a)/math.Cos(p[1]*math.Pi/180), p[1] + r*math.Sin(a)})
		}
		b, _ := json.Marshal(map[string]any{"type": "Polygon", "coordinates": [][][2]float64{ring}})
		cells = append(cells, string(b))
	}
	return keys, cells, pts
}

// nearestDistances is each point's distance (in degrees of latitude, x
// scaled by cos(lat)) to its nearest other point, through a grid.
func nearestDistances(pts [][2]float64) []float64 {
	const cell = 0.02
	type key [2]int
	grid := map[key][]int{}
	at := func(p [2]float64) key { return key{int(math.Floor(p[0] / cell)), int(math.Floor(p[1] / cell))} }
	for i, p := range pts {
		grid[at(p)] = append(grid[at(p)], i)
	}
	out := make([]float64, len(pts))
	for i, p := range pts {
		best := math.Inf(1)
		k := at(p)
		for r := 1; math.IsInf(best, 1) || float64(r-1)*cell < best; r++ {
			for dx := -r; dx <= r; dx++ {
				for dy := -r; dy <= r; dy++ {
					for _, j := range grid[key{k[0] + dx, k[1] + dy}] {
						if j != i {
							kx := math.Cos(p[1] * math.Pi / 180)
							best = min(best, math.Hypot((pts[j][0]-p[0])*kx, pts[j][1]-p[1]))
						}
					}
				}
			}
			if r > 50 {
				break
			}
		}
		out[i] = max(best, 1e-4)
	}
	return out
}

// Every buurt's own label point is found in its own cell, and only there.
func TestWhichOverEveryBuurt(t *testing.T) {
	keys, cells, pts := buurtCells(t)
	var ix Index
	start := time.Now()
	for i := range keys {
		if err := ix.Add(keys[i], cells[i]); err != nil {
			t.Fatal(keys[i], err)
		}
	}
	built := time.Since(start)
	start = time.Now()
	for i, p := range pts {
		if got := ix.Which(p[0], p[1]); len(got) != 1 || got[0] != keys[i] {
			t.Fatalf("%s at %v: Which = %v", keys[i], p, got)
		}
	}
	t.Logf("%d buurten indexed in %v; each found at its own point, %.1f µs a lookup", ix.Len(), built,
		float64(time.Since(start).Microseconds())/float64(len(pts)))
}

// BenchmarkWhich is the which-buurt lookup over all 12,005 buurten (QUALITY.md: µs).
func BenchmarkWhich(b *testing.B) {
	keys, cells, pts := buurtCells(b)
	var ix Index
	for i := range keys {
		ix.Add(keys[i], cells[i])
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		p := pts[i%len(pts)]
		ix.Which(p[0]+1e-4, p[1])
	}
}

// The sample's boundary is the hull of its streets: its places are all
// inside, and its bbox's north-west corner (no street there) is not.
func TestSampleBoundary(t *testing.T) {
	m := atlastest.Sample(t)
	var ix Index
	if err := ix.Add("schilderswijk", OfMap(m)); err != nil {
		t.Fatal(err)
	}
	for _, p := range m.Places {
		if in, _ := ix.Contains("schilderswijk", p.At.Lon, p.At.Lat); !in {
			t.Errorf("%s lies outside the map's own boundary", p.Name)
		}
	}
	for _, c := range [][2]float64{{m.Bounds.W + 0.0005, m.Bounds.N - 0.0005}, {m.Bounds.E - 0.0005, m.Bounds.S + 0.0005}} {
		in, _ := ix.Contains("schilderswijk", c[0], c[1])
		t.Logf("bbox corner %v inside the street hull: %v", c, in)
	}
}

// WithinMap is the check both hosts give the pins API: the sample's places
// inside, its bbox's north-west corner (no street there) outside.
func TestWithinMap(t *testing.T) {
	m := atlastest.Sample(t)
	within := WithinMap(m)
	if within == nil {
		t.Fatal("the sample has no boundary")
	}
	if p := m.Places[0].At; !within(p.Lon, p.Lat) {
		t.Errorf("%s is outside", m.Places[0].Name)
	}
	if within(m.Bounds.W+0.0005, m.Bounds.N-0.0005) {
		t.Error("the bbox's north-west corner is inside")
	}
}
