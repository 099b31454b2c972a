package atlas

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/buurtkaart/buurtkaart/wasm/internal/rawjson"
)

// FuzzDecodeLikeJSON holds atlas's reflection-free decoders to
// json.Unmarshal on the same bytes: the same value (partly filled after a
// type error, as encoding/json leaves it) and the same error text, for
// every Go type the map file is read into.
//
//	go test ./wasm/atlas -run '^$' -fuzz FuzzDecodeLikeJSON -fuzztime 60s
func FuzzDecodeLikeJSON(f *testing.F) {
	for _, glob := range []string{"../../geodata/*.geojson", "../../geodata/golden/*.geojson", "testdata/*.geojson"} {
		files, _ := filepath.Glob(glob)
		for _, file := range files {
			data, err := os.ReadFile(file)
			if err != nil {
				f.Fatal(err)
			}
			f.Add(data)
		}
	}
	for _, s := range []string{`null`, `[]`, `["a",1,"b"]`, `[1,"x",3]`, `[[1,2],[3,null]]`, `[[[1,2]],5]`, `[[[[1,2],[3,4]]]]`,
		`{"type":"Feature","ID":7,"geometry":{"type":"Point","coordinates":[4,52]},"properties":null}`,
		`{"type":5,"geometry":[1]}`, `{"geometry":{"type":true}}`, `{"geometry":"x","Geometry":null}`, `{"id":{"a":1e999}}`,
		`{"id":1e999}`, `1e999`, `"x"`, `[1e999]`, ` {"a":1, "a":{"b":2}} `, `{"type":"a","type":null}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		like(t, data, func(s *string) decoder { return text(s) })
		like(t, data, func(s *[]string) decoder { return texts(s) })
		like(t, data, func(s *[]float64) decoder { return numbers(s) })
		like(t, data, func(s *[][]float64) decoder { return rings(s) })
		like(t, data, func(s *[][][]float64) decoder { return polygonsOf(s) })
		like(t, data, func(s *[][][][]float64) decoder { return lists(s, "[][][][]float64", polygonsOf) })
		like(t, data, func(s *[]json.RawMessage) decoder {
			return func(d *rawjson.Decoder, v []byte) {
				rawjson.Slice(d, v, s, "[]json.RawMessage", func(_ *rawjson.Decoder, v []byte, e *json.RawMessage) { *e = v })
			}
		})
		like(t, data, func(a *any) decoder { return anything(a) })
		var f rawFeature
		jerr := json.Unmarshal(data, &f)
		got, err := decodeFeature(data)
		same(t, data, "rawFeature", err, jerr)
		if jerr == nil {
			if _, ok := f.ID.(map[string]any); ok {
				f.ID = nil
			}
			if _, ok := f.ID.([]any); ok {
				f.ID = nil
			}
			if !reflect.DeepEqual(got, f) {
				t.Fatalf("%q into rawFeature: got %#v, json %#v", data, got, f)
			}
		}
		var top map[string]json.RawMessage
		jerr = json.Unmarshal(data, &top)
		m, err := topLevel(data)
		same(t, data, "map", err, jerr)
		var te *json.UnmarshalTypeError
		if errors.As(jerr, &te) && err.(*rawjson.TypeError).Offset != te.Offset {
			t.Fatalf("%q: type error at %d, json at %d", data, err.(*rawjson.TypeError).Offset, te.Offset)
		}
		if jerr == nil && !reflect.DeepEqual(m, top) {
			t.Fatalf("%q into map: got %#v, json %#v", data, m, top)
		}
	})
}

// like decodes data with the decoder dec makes and with json.Unmarshal
// into a T, and fails unless both give the same value and error.
func like[T any](t *testing.T, data []byte, dec func(*T) decoder) {
	t.Helper()
	var got, want T
	err := decode(data, dec(&got))
	jerr := json.Unmarshal(data, &want)
	same(t, data, reflect.TypeOf((*T)(nil)).Elem().String(), err, jerr)
	if !isSyntax(jerr) && !reflect.DeepEqual(got, want) {
		if a, ok := any(&want).(*any); ok {
			switch (*a).(type) {
			case []any, map[string]any:
				return // Any gives nil for a composite; the core reads none
			}
		}
		t.Fatalf("%q into %T: got %#v, json %#v", data, want, got, want)
	}
}

func isSyntax(err error) bool {
	var se *json.SyntaxError
	return errors.As(err, &se)
}

func same(t *testing.T, data []byte, into string, err, jerr error) {
	t.Helper()
	if (err == nil) != (jerr == nil) || err != nil && err.Error() != jerr.Error() {
		t.Fatalf("%q into %s: error %v, json: %v", data, into, err, jerr)
	}
}
