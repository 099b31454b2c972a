package exchange

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/buurtkaart/buurtkaart/wasm/atlas"
)

// writeCSV writes one place a row (the map's, then more, each as it comes:
// see Stream), separated by ';' and preceded by a byte order mark: that is
// what Dutch Excel opens with a double click without mangling "ë" or
// splitting "52.0662". Headers are Dutch unless the map's language is
// English. Extra text properties become extra columns. Every cell the map
// or a resident wrote is guarded against formulas (guard), the header's
// property keys too: a key "=HYPERLINK(…)" is as much a cell as a name.
func writeCSV(w io.Writer, m *atlas.Map, more Places) ([]Note, error) {
	header := []string{"naam", "soort", "notitie", "lat", "lon", "id", "auteur", "sinds", "tags", "links"}
	if m.Language == "en" {
		header = []string{"name", "kind", "note", "lat", "lon", "id", "author", "since", "tags", "links"}
	}
	extra := extraColumns(m.Places)
	for _, k := range extra {
		header = append(header, guard(k))
	}
	io.WriteString(w, "\uFEFF")
	cw := csv.NewWriter(w)
	cw.Comma = ';'
	cw.Write(header)
	for _, p := range m.Places {
		cw.Write(csvRecord(p, extra))
	}
	for p, err := range more {
		if err != nil {
			cw.Flush()
			return nil, err
		}
		cw.Write(csvRecord(p, extra))
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return nil, fmt.Errorf("exchange: %w", err)
	}
	if n := len(m.Shapes); n > 0 {
		return []Note{{Severity: atlas.Warning, Message: fmt.Sprintf("a CSV holds places only: %d lines and areas of the drawing are not in it", n),
			Hint: "export geojson or kml to keep them"}}, nil
	}
	return nil, nil
}

// extraColumns are the keys of the places' extra text properties, sorted.
func extraColumns(places []atlas.Place) []string {
	var extra []string
	for _, p := range places {
		for k, v := range p.Extra {
			var s string
			if json.Unmarshal(v, &s) == nil && !slices.Contains(extra, k) {
				extra = append(extra, k)
			}
		}
	}
	slices.Sort(extra)
	return extra
}

func csvRecord(p atlas.Place, extra []string) []string {
	rec := []string{guard(p.Name), string(p.Kind), guard(p.Note), coord(p.At.Lat), coord(p.At.Lon), guard(p.ID),
		guard(p.Author), guard(p.Since), guard(strings.Join(p.Tags, ", ")), guard(strings.Join(p.Links, ", "))}
	for _, k := range extra {
		var s string
		json.Unmarshal(p.Extra[k], &s)
		rec = append(rec, guard(s))
	}
	return rec
}

// coord is a coordinate with at most 6 decimals, as atlas writes it.
func coord(v float64) string {
	return strconv.FormatFloat(math.Round(v*1e6)/1e6, 'f', -1, 64)
}
