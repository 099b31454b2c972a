package pin

import (
	"strings"
	"testing"
	"time"

	"github.com/buurtkaart/buurtkaart/wasm/atlas"
)

var (
	now    = time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)
	buurt  = Rules{Bounds: atlas.BBox{W: 4.29, S: 52.06, E: 4.32, N: 52.08}}
	goodID = `"id":"0b7c6f4e-2f1a-4c3b-9a1d-5e6f7a8b9c0d"`
)

// decodeCases are pin bodies with the code Decode answers; FuzzDecode
// starts from them too.
var decodeCases = []struct {
	name string
	body string
	code string // "" for accepted
}{
	{"valid", `{` + goodID + `,"lon":4.3,"lat":52.07,"kind":"plek","note":"Fijn bankje"}`, ""},
	{"note optional", `{` + goodID + `,"lon":4.3,"lat":52.07,"kind":"verhaal"}`, ""},
	{"newline in note", `{` + goodID + `,"lon":4.3,"lat":52.07,"kind":"plek","note":"a\nb"}`, ""},
	{"not json", `{"id":`, "invalid_json"},
	{"trailing data", `{` + goodID + `,"lon":4.3,"lat":52.07,"kind":"plek"} {}`, "invalid_json"},
	{"unknown field", `{` + goodID + `,"lon":4.3,"lat":52.07,"kind":"plek","color":"red"}`, "unknown_field"},
	{"server-owned field", `{` + goodID + `,"lon":4.3,"lat":52.07,"kind":"plek","created":"2020-01-01T00:00:00Z"}`, "unknown_field"},
	{"wrong type", `{` + goodID + `,"lon":"4.3","lat":52.07,"kind":"plek"}`, "invalid_json"},
	{"missing id", `{"lon":4.3,"lat":52.07,"kind":"plek"}`, "invalid_id"},
	{"uppercase id", `{"id":"0B7C6F4E-2F1A-4C3B-9A1D-5E6F7A8B9C0D","lon":4.3,"lat":52.07,"kind":"plek"}`, "invalid_id"},
	{"missing lat", `{` + goodID + `,"lon":4.3,"kind":"plek"}`, "missing_position"},
	{"out of range", `{` + goodID + `,"lon":400,"lat":52.07,"kind":"plek"}`, "invalid_position"},
	{"swapped", `{` + goodID + `,"lon":52.07,"lat":4.3,"kind":"plek"}`, "swapped_position"},
	{"outside buurt", `{` + goodID + `,"lon":5.1,"lat":52.09,"kind":"plek"}`, "outside_map"},
	{"unknown kind", `{` + goodID + `,"lon":4.3,"lat":52.07,"kind":"klacht"}`, "invalid_kind"},
	{"alias is not a key", `{` + goodID + `,"lon":4.3,"lat":52.07,"kind":"place"}`, "invalid_kind"},
	{"control char", `{` + goodID + `,"lon":4.3,"lat":52.07,"kind":"plek","note":"a\u0007b"}`, "control_character"},
	{"bidi override in note", `{` + goodID + `,"lon":4.3,"lat":52.07,"kind":"plek","note":"a\u202eb"}`, "invisible_character"},
	{"zero-width space in name", `{` + goodID + `,"lon":4.3,"lat":52.07,"kind":"plek","name":"Bak\u200bker"}`, "invisible_character"},
	{"isolate in author", `{` + goodID + `,"lon":4.3,"lat":52.07,"kind":"plek","author":"\u2066Henk"}`, "invisible_character"},
	{"emoji with joiner", `{` + goodID + `,"lon":4.3,"lat":52.07,"kind":"plek","note":"kok 👩\u200d🍳"}`, ""},
	{"too long", `{` + goodID + `,"lon":4.3,"lat":52.07,"kind":"plek","note":"` + strings.Repeat("é", MaxNote+1) + `"}`, "too_long"},
	{"max length", `{` + goodID + `,"lon":4.3,"lat":52.07,"kind":"plek","note":"` + strings.Repeat("é", MaxNote) + `"}`, ""},
	{"too large", `{` + goodID + `,"note":"` + strings.Repeat("x", MaxBody) + `"}`, "too_large"},
}

func TestDecode(t *testing.T) {
	for _, tt := range decodeCases {
		t.Run(tt.name, func(t *testing.T) {
			p, pr := Decode([]byte(tt.body), buurt, now)
			switch {
			case tt.code == "" && pr != nil:
				t.Fatalf("refused: %v", pr)
			case tt.code != "" && pr == nil:
				t.Fatalf("accepted %+v, want %s", p, tt.code)
			case pr != nil && pr.Code != tt.code:
				t.Fatalf("code %s (%s), want %s", pr.Code, pr.EN, tt.code)
			case pr != nil && (pr.NL == "" || pr.EN == "" || pr.Status < 400):
				t.Fatalf("incomplete problem %+v", pr)
			case pr == nil && p.Created != "2026-11-23T10:00:00Z":
				t.Fatalf("created = %q", p.Created)
			}
		})
	}
}
