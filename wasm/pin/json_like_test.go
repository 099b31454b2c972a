package pin

import (
	"bytes"
	"encoding/json"
	"io"
	"reflect"
	"strconv"
	"testing"

	"github.com/buurtkaart/buurtkaart/wasm/atlas"
)

// jsonDecode is Decode as it was written on encoding/json, before the
// browser's wasm dropped it: the reference FuzzDecodeLikeJSON holds the
// reflection-free Decode to.
func jsonDecode(body []byte, rules Rules) (Pin, *Problem) {
	if len(body) > MaxBody {
		return Decode(body, rules, now)
	}
	var in input
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&in); err != nil {
		return Pin{}, jsonProblemOf(err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return Pin{}, problem(statusBadRequest, "invalid_json",
			"Er staat iets achter de pin dat er niet hoort.", "There is trailing data after the pin.")
	}
	return in.check(rules, now)
}

func jsonProblemOf(err error) *Problem {
	if te, ok := err.(*json.UnmarshalTypeError); ok {
		return problem(statusBadRequest, "invalid_json",
			"Het veld "+quote(te.Field)+" heeft de verkeerde vorm.", "Field "+quote(te.Field)+" has the wrong type.")
	}
	return jsonProblem(err)
}

func quote(s string) string { return strconv.Quote(s) }

// FuzzDecodeLikeJSON: Decode, ParseCollection and Position answer what
// they answered on encoding/json.
//
//	go test ./wasm/pin -run '^$' -fuzz FuzzDecodeLikeJSON -fuzztime 60s
func FuzzDecodeLikeJSON(f *testing.F) {
	for _, c := range decodeCases {
		f.Add([]byte(c.body))
	}
	b, _ := json.Marshal(Collection([]Pin{{ID: "a", Lon: 4.3, Lat: 52.1, Kind: "plek", Name: "x", Status: Visible, Created: "2026-11-01T10:00:00Z"}}))
	f.Add(b)
	for _, s := range []string{``, ` `, `{} x`, `{}{}`, `123 x`, `123x`, `[1]`, `"x"`, `{"ID":"a","LON":1}`, `{"lon":"x","lat":1}`, `{"lon":1e999}`,
		`{"id":null}`, `{"show_author":"yes"}`, `{"x":1,"lon":"a"}`, `{"lon":"a","x":1}`, `{"features":[{"properties":{"status":1}}]}`,
		`{"features":[{"geometry":1}]}`, `{"features":1}`, `{"features":[1]}`, `{"features":[{"geometry":{"type":1}}]}`, `{"features":[null,{"id":2}]}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		p, pr := Decode(body, buurt, now)
		wp, wpr := jsonDecode(body, buurt)
		if !reflect.DeepEqual(p, wp) || !reflect.DeepEqual(pr, wpr) {
			t.Fatalf("Decode(%q) = %+v, %+v; on encoding/json %+v, %+v", body, p, pr, wp, wpr)
		}
		if at, want := Position(body), atlas.Point(jsonPosition(body)); at != want {
			t.Fatalf("Position(%q) = %v, on encoding/json %v", body, at, want)
		}
		ps, err := ParseCollection(body)
		wps, werr := jsonParseCollection(body)
		if !reflect.DeepEqual(ps, wps) || (err == nil) != (werr == nil) || err != nil && err.Error() != werr.Error() {
			t.Fatalf("ParseCollection(%q) = %+v, %v; on encoding/json %+v, %v", body, ps, err, wps, werr)
		}
	})
}

func jsonPosition(data []byte) (at struct{ Lon, Lat float64 }) {
	var v struct {
		Lon float64 `json:"lon"`
		Lat float64 `json:"lat"`
	}
	_ = json.Unmarshal(data, &v)
	at.Lon, at.Lat = v.Lon, v.Lat
	return at
}

func jsonParseCollection(data []byte) ([]Pin, error) {
	var fc struct {
		Features []struct {
			ID       string `json:"id"`
			Geometry struct {
				Type        string          `json:"type"`
				Coordinates json.RawMessage `json:"coordinates"`
			} `json:"geometry"`
			Properties properties `json:"properties"`
		} `json:"features"`
	}
	if err := json.Unmarshal(data, &fc); err != nil {
		return nil, err
	}
	var c collection
	for _, f := range fc.Features {
		var g collectionFeature
		g.ID, g.Geometry.Type, g.Geometry.Coordinates, g.Properties = f.ID, f.Geometry.Type, f.Geometry.Coordinates, f.Properties
		c.Features = append(c.Features, g)
	}
	return pins(c), nil
}
