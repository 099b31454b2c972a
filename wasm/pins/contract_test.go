//go:build !js

package pins_test

// The pins API contract. One suite, two targets: by default the Handler
// in-process over a real SQLite file, exactly as `buurtkaart serve` runs it;
// with PINS_URL set, any running server — scripts/test points it at the
// Worker under `wrangler dev` with local D1.

import (
	"bytes"
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/buurtkaart/buurtkaart/wasm/atlas"
	"github.com/buurtkaart/buurtkaart/wasm/pin"
	"github.com/buurtkaart/buurtkaart/wasm/pins"
	_ "modernc.org/sqlite"
)

// sampleBounds reads the bbox of the sample map, which both targets use.
func sampleBounds(t testing.TB) atlas.BBox {
	data, err := os.ReadFile("../../geodata/schilderswijk.geojson")
	if err != nil {
		t.Fatal(err)
	}
	m, _ := atlas.Parse(data, nil)
	if m == nil {
		t.Fatal("sample map unreadable")
	}
	return m.Bounds
}

// target returns the base URL of the API under test.
func target(t *testing.T) string {
	if u := os.Getenv("PINS_URL"); u != "" {
		t.Logf("target: %s", u)
		return strings.TrimSuffix(u, "/")
	}
	db, err := sql.Open("sqlite", "file:"+filepath.Join(t.TempDir(), "pins.db")+"?_pragma=journal_mode(WAL)&_pragma=busy_timeout(5000)")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	if _, err := pins.Migrate(context.Background(), db); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(pins.NewHandler(pins.NewStore(db), pins.Options{
		Rules: pin.Rules{Bounds: sampleBounds(t)}, Log: t.Logf}))
	t.Cleanup(srv.Close)
	return srv.URL
}

func uuid() string {
	b := make([]byte, 16)
	rand.Read(b)
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:])
}

type response struct {
	status int
	body   []byte
}

func do(t *testing.T, method, url, body string) response {
	t.Helper()
	req, err := http.NewRequest(method, url, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return response{res.StatusCode, b}
}

func pinJSON(id, rest string) string {
	return `{"id":"` + id + `","lon":4.3045,"lat":52.0675,"kind":"plek"` + rest + `}`
}

func TestContractStoreAndRead(t *testing.T) {
	base := target(t)
	id := uuid()
	res := do(t, "POST", base+"/api/pins", pinJSON(id, `,"note":"Fijn bankje in de zon ☀ — ë ï é ĳ"`))
	if res.status != 201 {
		t.Fatalf("POST: %d %s", res.status, res.body)
	}
	var got pin.Pin
	if err := json.Unmarshal(res.body, &got); err != nil {
		t.Fatal(err)
	}
	if got.ID != id || got.Kind != "plek" || got.Note != "Fijn bankje in de zon ☀ — ë ï é ĳ" || got.Created == "" {
		t.Fatalf("stored pin %+v", got)
	}
	one := do(t, "GET", base+"/api/pins/"+id, "")
	if one.status != 200 || !bytes.Equal(one.body, res.body) {
		t.Fatalf("GET one: %d %s, want %s", one.status, one.body, res.body)
	}
	if n := countInList(t, base, id); n != 1 {
		t.Fatalf("pin appears %d times in the list", n)
	}
}

func TestContractReplayIsIdempotent(t *testing.T) {
	base := target(t)
	id := uuid()
	body := pinJSON(id, `,"note":"vijf keer verstuurd"`)
	first := do(t, "POST", base+"/api/pins", body)
	var wg sync.WaitGroup
	replies := make([]response, 8)
	for i := range replies {
		wg.Add(1)
		go func() { defer wg.Done(); replies[i] = do(t, "POST", base+"/api/pins", body) }()
	}
	wg.Wait()
	for i, r := range append(replies, do(t, "POST", base+"/api/pins", body)) {
		if r.status != first.status || !bytes.Equal(r.body, first.body) {
			t.Fatalf("replay %d: %d %s, first was %d %s", i, r.status, r.body, first.status, first.body)
		}
	}
	if n := countInList(t, base, id); n != 1 {
		t.Fatalf("pin stored %d times", n)
	}
}

func TestContractIDClash(t *testing.T) {
	base := target(t)
	id := uuid()
	first := do(t, "POST", base+"/api/pins", pinJSON(id, `,"note":"eerste"`))
	clash := do(t, "POST", base+"/api/pins", pinJSON(id, `,"note":"andere tekst"`))
	expectProblem(t, clash, 409, "id_in_use")
	if got := do(t, "GET", base+"/api/pins/"+id, ""); !bytes.Equal(got.body, first.body) {
		t.Fatalf("clash changed the pin: %s", got.body)
	}
}

func TestContractRefusals(t *testing.T) {
	base := target(t)
	big := strings.Repeat("x", pin.MaxBody)
	tests := []struct {
		name   string
		body   func(id string) string
		status int
		code   string
	}{
		{"invalid JSON", func(id string) string { return `{"id":"` + id + `","lon":` }, 400, "invalid_json"},
		{"NaN", func(id string) string { return `{"id":"` + id + `","lon":NaN,"lat":52.07,"kind":"plek"}` }, 400, "invalid_json"},
		{"unknown field", func(id string) string { return pinJSON(id, `,"colour":"red"`) }, 400, "unknown_field"},
		{"server-owned field", func(id string) string { return pinJSON(id, `,"created":"2001-01-01T00:00:00Z"`) }, 400, "unknown_field"},
		{"unknown kind", func(id string) string { return `{"id":"` + id + `","lon":4.3045,"lat":52.0675,"kind":"klacht"}` }, 422, "invalid_kind"},
		{"missing coordinates", func(id string) string { return `{"id":"` + id + `","kind":"plek"}` }, 422, "missing_position"},
		{"swapped coordinates", func(id string) string { return `{"id":"` + id + `","lon":52.0675,"lat":4.3045,"kind":"plek"}` }, 422, "swapped_position"},
		{"outside the buurt", func(id string) string { return `{"id":"` + id + `","lon":5.12,"lat":52.09,"kind":"plek"}` }, 422, "outside_map"},
		{"control character", func(id string) string { return pinJSON(id, `,"note":"bel\u0007"`) }, 422, "control_character"},
		{"note too long", func(id string) string { return pinJSON(id, `,"note":"`+strings.Repeat("a", 1001)+`"`) }, 422, "too_long"},
		{"body over 16 KiB", func(id string) string { return pinJSON(id, `,"note":"`+big+`"`) }, 413, "too_large"},
		{"not a UUID", func(string) string { return pinJSON("pin-1", "") }, 422, "invalid_id"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			id := uuid()
			expectProblem(t, do(t, "POST", base+"/api/pins", tt.body(id)), tt.status, tt.code)
			if got := do(t, "GET", base+"/api/pins/"+id, ""); got.status != 404 {
				t.Fatalf("refused pin was stored: %d %s", got.status, got.body)
			}
		})
	}
}

func TestContractNotFound(t *testing.T) {
	base := target(t)
	expectProblem(t, do(t, "GET", base+"/api/pins/"+uuid(), ""), 404, "not_found")
	expectProblem(t, do(t, "GET", base+"/api/nothing-here", ""), 404, "not_found")
}

// expectProblem checks a refusal: the status, and a JSON error with the
// code and a message in Dutch and in English.
func expectProblem(t *testing.T, r response, status int, code string) {
	t.Helper()
	var body struct{ Error pin.Problem }
	if err := json.Unmarshal(r.body, &body); err != nil {
		t.Fatalf("%d, body is not JSON: %s", r.status, r.body)
	}
	if r.status != status || body.Error.Code != code || body.Error.NL == "" || body.Error.EN == "" {
		t.Fatalf("got %d %s, want %d with code %s and messages in nl and en", r.status, r.body, status, code)
	}
}

func countInList(t *testing.T, base, id string) int {
	t.Helper()
	r := do(t, "GET", base+"/api/pins", "")
	if r.status != 200 {
		t.Fatalf("list: %d %s", r.status, r.body)
	}
	ps, err := pin.ParseCollection(r.body)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, p := range ps {
		if p.ID == id {
			n++
		}
	}
	return n
}
