package atlas

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"
)

// BenchmarkParse parses, validates and indexes (ids, links, bounds) real
// and synthetic maps of many places. Compare native and wasm:
//
//	go test -run x -bench Parse -benchmem ./wasm/atlas
//	PATH=$(go env GOROOT)/lib/wasm:$PATH GOOS=js GOARCH=wasm go test -run x -bench Parse -benchmem ./wasm/atlas
func BenchmarkParse(b *testing.B) {
	b.Run("cbs-12005", func(b *testing.B) { benchParse(b, cbsPlaces(b), 12005) })
	b.Run("synthetic-100k", func(b *testing.B) { benchParse(b, syntheticPlaces(100_000), 100_000) })
}

func benchParse(b *testing.B, data []byte, places int) {
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		m, diags := Parse(data, nil)
		if m == nil || HasErrors(diags) || len(m.Places) != places {
			b.Fatalf("%d places, %d diagnostics, first %v", len(m.Places), len(diags), diags[:min(1, len(diags))])
		}
	}
}

// cbsPlaces turns the 12,005 CBS buurt label points (../shared/data) into
// a map of places: statnaam is the name, every one a plek.
func cbsPlaces(b *testing.B) []byte {
	data, err := os.ReadFile("../../../shared/data/cbs-buurten-2014-labelpoints.geojson")
	if err != nil {
		b.Skip("shared data not here:", err)
	}
	var src struct {
		Features []struct {
			ID       string          `json:"id"`
			Geometry json.RawMessage `json:"geometry"`
			Props    struct {
				Statnaam string `json:"statnaam"`
			} `json:"properties"`
		} `json:"features"`
	}
	if err := json.Unmarshal(data, &src); err != nil {
		b.Fatal(err)
	}
	var sb strings.Builder
	sb.WriteString(`{"type":"FeatureCollection","title":"Alle buurten","features":[`)
	for i, f := range src.Features {
		if i > 0 {
			sb.WriteString(",\n")
		}
		name, _ := json.Marshal(f.Props.Statnaam)
		fmt.Fprintf(&sb, `{"type":"Feature","id":%q,"geometry":%s,"properties":{"name":%s,"kind":"plek"}}`, f.ID, f.Geometry, name)
	}
	sb.WriteString("]}")
	return []byte(sb.String())
}

// syntheticPlaces is a map of n places of all five kinds on a grid over
// the Netherlands, each with a note, every tenth linked to the one before.
func syntheticPlaces(n int) []byte {
	kinds := []string{"talent", "verband", "plek", "verhaal", "partner"}
	var sb strings.Builder
	sb.WriteString(`{"type":"FeatureCollection","title":"Synthetisch","features":[`)
	for i := range n {
		if i > 0 {
			sb.WriteString(",\n")
		}
		links := ""
		if i%10 == 9 {
			links = fmt.Sprintf(`,"links":["p%d"]`, i-1)
		}
		fmt.Fprintf(&sb, `{"type":"Feature","id":"p%d","geometry":{"type":"Point","coordinates":[%.6f,%.6f]},"properties":{"name":"Plek %d","kind":%q,"note":"Hier is het goed"%s}}`,
			i, 3.4+float64(i%1000)*0.0035, 50.8+float64(i/1000)*0.025, i, kinds[i%5], links)
	}
	sb.WriteString("]}")
	return []byte(sb.String())
}
