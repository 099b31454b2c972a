package exchange

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/buurtkaart/buurtkaart/wasm/atlas"
)

// A GPS walk of 3,000 points (one a second for 50 minutes) is drawn, thinned
// with orb's Douglas–Peucker, not dropped for having too many vertices.
func TestLongTrackIsSimplified(t *testing.T) {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0"?><gpx version="1.1" creator="test" xmlns="http://www.topografix.com/GPX/1/1"><trk><name>Rondje buurt</name><trkseg>`)
	lon, lat := 4.300, 52.062
	for i := range 3000 {
		// A walk along the blocks: straight stretches, a turn every 300 s,
		// and GPS jitter of about a metre.
		dir := float64(i/300) * math.Pi / 2
		lon += 0.000012*math.Cos(dir) + 0.000006*math.Sin(float64(i)*1.7)
		lat += 0.000008*math.Sin(dir) + 0.000004*math.Cos(float64(i)*2.3)
		fmt.Fprintf(&b, `<trkpt lat="%.6f" lon="%.6f"/>`, lat, lon)
	}
	b.WriteString(`</trkseg></trk></gpx>`)
	m, notes, err := Import([]byte(b.String()), GPX, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Shapes) != 1 {
		t.Fatalf("%d shapes, want the walk; notes %v", len(m.Shapes), notes)
	}
	n := len(m.Shapes[0].Parts[0])
	if n > maxDrawnVertices || n < 11 { // ten legs: eleven corners at least
		t.Errorf("the walk kept %d points, want 11–%d", n, maxDrawnVertices)
	}
	said := false
	for _, nt := range notes {
		said = said || strings.Contains(fmt.Sprint(nt), "simplified")
	}
	if !said {
		t.Errorf("no note says the track was simplified: %v", notes)
	}
	// What the import writes reads back without errors.
	var out strings.Builder
	if err := atlas.Write(&out, m, nil); err != nil {
		t.Fatal(err)
	}
	if _, diags := atlas.Parse([]byte(out.String()), nil); len(diags) > 0 {
		for _, d := range diags {
			if d.Severity == atlas.Error {
				t.Errorf("read back: %v", d)
			}
		}
	}
	t.Logf("3,000 points → %d", n)
}
