package exchange

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/buurtkaart/buurtkaart/wasm/atlas"
	"github.com/buurtkaart/buurtkaart/wasm/kind"
)

// csvColumns are the headers the CSV reader knows, Dutch and English, by
// the field they fill. Any other column is kept as a property.
var csvColumns = map[string][]string{
	"name":   {"naam", "name", "titel", "title"},
	"kind":   {"soort", "kind", "categorie", "category"},
	"note":   {"notitie", "note", "beschrijving", "description", "omschrijving"},
	"lat":    {"lat", "breedtegraad", "latitude", "breedte"},
	"lon":    {"lon", "lng", "long", "lengtegraad", "longitude", "lengte"},
	"id":     {"id"},
	"author": {"auteur", "author"},
	"since":  {"sinds", "since"},
	"tags":   {"tags", "labels"},
	"links":  {"links", "verbanden"},
}

// readCSV reads one place a row. The separator is ';' (what Dutch Excel
// writes), ',' or a tab, whichever the header line has most of; numbers may
// use a decimal comma; a UTF-8 byte order mark is skipped.
func readCSV(b *builder, data []byte) error {
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	r := csv.NewReader(bytes.NewReader(data))
	r.Comma = separator(data)
	r.FieldsPerRecord = -1
	r.LazyQuotes = true
	header, err := r.Read()
	if err != nil {
		return fmt.Errorf("exchange: no CSV header: %v", err)
	}
	col := map[string]int{}
	var extra []int
	for i, h := range header {
		header[i] = unguard(strings.TrimSpace(h)) // as writeCSV guards it
		h = strings.ToLower(header[i])
		known := false
		for field, names := range csvColumns {
			for _, n := range names {
				if h == n {
					if _, dup := col[field]; !dup {
						col[field] = i
					}
					known = true
				}
			}
		}
		if !known && h != "" {
			extra = append(extra, i)
		}
	}
	for field, words := range map[string][]string{"lat": {"latitude", "lat"}, "lon": {"longitude", "lon", "lng"}} {
		if _, ok := col[field]; !ok {
			if i := guessColumn(header, words); i >= 0 {
				col[field] = i
				extra = slices.DeleteFunc(extra, func(e int) bool { return e == i })
			}
		}
	}
	for _, need := range []struct{ field, names string }{{"lat", "lat, breedtegraad or latitude"}, {"lon", "lon, lng, lengtegraad or longitude"}} {
		if _, ok := col[need.field]; !ok {
			return fmt.Errorf("exchange: the CSV has no %s column; name one %s", need.field, need.names)
		}
	}
	for {
		rec, err := r.Read()
		if err == io.EOF {
			return nil
		}
		line, _ := r.FieldPos(0)
		if err != nil {
			b.note(atlas.Error, fmt.Sprintf("line %d", line), "not read: "+err.Error(), "check the quotes on this line")
			continue
		}
		b.csvRow(line, header, rec, col, extra)
	}
}

func (b *builder) csvRow(line int, header, rec []string, col map[string]int, extra []int) {
	cell := func(field string) string {
		if i, ok := col[field]; ok && i < len(rec) {
			return unguard(strings.TrimSpace(rec[i]))
		}
		return ""
	}
	if strings.TrimSpace(strings.Join(rec, "")) == "" {
		return // an empty line Excel left at the end
	}
	w := where("line", line, cell("name"))
	lat, err1 := number(cell("lat"))
	lon, err2 := number(cell("lon"))
	if err1 != nil || err2 != nil {
		b.note(atlas.Error, w, fmt.Sprintf("lat %q, lon %q are not numbers; left out", cell("lat"), cell("lon")), "fill in both in degrees, e.g. 52.0662 and 4.3012")
		return
	}
	p := atlas.Place{ID: cell("id"), Name: cell("name"), Note: cell("note"), Author: cell("author"), Since: cell("since"),
		Tags: list(cell("tags")), Links: list(cell("links")), At: atlas.Point{Lon: lon, Lat: lat}}
	if s := cell("kind"); s != "" {
		p.Kind = kind.Kind(s)
		if k, ok := kindOf(s); ok {
			p.Kind = k
		}
	}
	for _, i := range extra {
		if i < len(rec) && rec[i] != "" {
			if p.Extra == nil {
				p.Extra = map[string]json.RawMessage{}
			}
			p.Extra[strings.TrimSpace(header[i])], _ = json.Marshal(unguard(rec[i]))
		}
	}
	b.place(w, p, "", `fill in the "soort" column: talent, verband, plek, verhaal or partner`)
}

// guessColumn finds a coordinate column the way uMap does (it reads CSV
// with csv2geojson): a header that holds one of words in any case
// ("geo_Longitude", "LAT_WGS84"), the one whose match is the largest share
// of its header winning; -1 when none does.
func guessColumn(header []string, words []string) int {
	best, score := -1, 0.0
	for i, h := range header {
		h = strings.ToLower(h)
		for _, w := range words {
			if strings.Contains(h, w) {
				if s := float64(len(w)) / float64(len(h)); s > score {
					best, score = i, s
				}
				break
			}
		}
	}
	return best
}

// separator guesses the CSV separator from the first line.
func separator(data []byte) rune {
	first, _, _ := bytes.Cut(data, []byte("\n"))
	best, n := ',', bytes.Count(first, []byte(","))
	for _, c := range []rune{';', '\t'} {
		if m := bytes.Count(first, []byte(string(c))); m > n {
			best, n = c, m
		}
	}
	return best
}

// number reads "52.0662" or, as Dutch spreadsheets write it, "52,0662".
func number(s string) (float64, error) {
	if !strings.Contains(s, ".") {
		s = strings.Replace(s, ",", ".", 1)
	}
	return strconv.ParseFloat(s, 64)
}

// list splits "bankje, zon" into its words.
func list(s string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ';' }) {
		if w = strings.TrimSpace(w); w != "" {
			out = append(out, w)
		}
	}
	return out
}

// guard keeps a spreadsheet from running a cell as a formula: a resident's
// pin named "=HYPERLINK(…)" must stay text. unguard undoes it on import.
func guard(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

func unguard(s string) string {
	if len(s) > 1 && s[0] == '\'' && strings.ContainsRune("=+-@\t\r", rune(s[1])) {
		return s[1:]
	}
	return s
}
