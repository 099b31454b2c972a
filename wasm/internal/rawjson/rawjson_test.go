package rawjson

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"testing"
)

// seeds are the documents every fuzz test here starts from: the map files
// of geodata/ and the tricky corners of encoding/json.
func seeds(f *testing.F) {
	for _, glob := range []string{"../../../geodata/*.geojson", "../../../geodata/golden/*.geojson", "../../pin/testdata/*.json"} {
		files, _ := filepath.Glob(glob)
		for _, file := range files {
			data, err := os.ReadFile(file)
			if err != nil {
				f.Fatal(err)
			}
			f.Add(data)
		}
	}
	for _, s := range []string{``, ` `, `{`, `{"a":1,}`, `[1 2]`, `"\ud800x"`, "\"\xff\"", `"\u00e9\n"`, `1e999`, `-0.5e-3`,
		`{"a":{"b":[1,"x",null,true]}}`, `{"A":1,"a":2}`, `tru`, `nul`, `'x'`, "{\"a\"\x00}", `[]x`, `1 2`, ` {} `, "\u00e9"} {
		f.Add([]byte(s))
	}
}

// tree decodes a checked value into what json.Unmarshal gives an any.
func tree(t *testing.T, v []byte) any {
	switch v[0] {
	case '{':
		m := map[string]any{}
		Members(v, func(k string, v []byte) { m[k] = tree(t, v) })
		return m
	case '[':
		a := []any{}
		Elems(v, func(v []byte) { a = append(a, tree(t, v)) })
		return a
	case '"':
		return Unquote(v)
	case 't', 'f':
		return v[0] == 't'
	case 'n':
		return nil
	}
	n, err := strconv.ParseFloat(string(v), 64)
	if err != nil {
		return "number " + string(v)
	}
	return n
}

// FuzzCheck holds Check, Members, Elems and Unquote to encoding/json: the
// same syntax errors at the same offsets, the same values.
//
//	go test ./wasm/internal/rawjson -run '^$' -fuzz FuzzCheck -fuzztime 60s
func FuzzCheck(f *testing.F) {
	seeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		err := Check(data)
		var want any
		jerr := json.Unmarshal(data, &want)
		var se *json.SyntaxError
		if errors.As(jerr, &se) {
			got, ok := err.(*SyntaxError)
			if !ok || got.Error() != se.Error() || got.Offset != se.Offset {
				t.Fatalf("Check(%q) = %v, json: %v at %d", data, err, se, se.Offset)
			}
			return
		}
		if err != nil {
			t.Fatalf("Check(%q) = %v, json accepts it", data, err)
		}
		if jerr != nil { // a number beyond float64
			return
		}
		if got := tree(t, Trim(data)); !reflect.DeepEqual(got, want) {
			t.Fatalf("%q: got %#v, json %#v", data, got, want)
		}
	})
}

// FuzzFirst holds First to json.Decoder: the same first value and error,
// and Blank to what its Token finds after it.
func FuzzFirst(f *testing.F) {
	seeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		v, rest, err := First(data)
		dec := json.NewDecoder(bytes.NewReader(data))
		var raw json.RawMessage
		jerr := dec.Decode(&raw)
		if (err == nil) != (jerr == nil) || err != nil && err.Error() != jerr.Error() {
			t.Fatalf("First(%q): %v, json: %v", data, err, jerr)
		}
		if err != nil {
			return
		}
		if !bytes.Equal(v, raw) {
			t.Fatalf("First(%q) = %q, json %q", data, v, raw)
		}
		_, terr := dec.Token()
		if Blank(rest) != (terr == io.EOF) {
			t.Fatalf("First(%q): rest %q blank %v, json Token: %v", data, rest, Blank(rest), terr)
		}
	})
}

func TestMatch(t *testing.T) {
	for _, c := range []struct {
		key  string
		want int
	}{{"id", 0}, {"ID", 0}, {"Lon", 1}, {"ſhow_author", 2}, {"show_author", 2}, {"\u212aind", 3}, {"other", -1}} {
		if got := Match(c.key, "id", "lon", "show_author", "kind"); got != c.want {
			t.Errorf("Match(%q) = %d, want %d", c.key, got, c.want)
		}
	}
}
