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
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/buurtkaart/buurtkaart/wasm/atlas"
	"github.com/buurtkaart/buurtkaart/wasm/atlas/atlastest"
	"github.com/buurtkaart/buurtkaart/wasm/boundary"
	"github.com/buurtkaart/buurtkaart/wasm/pin"
	"github.com/buurtkaart/buurtkaart/wasm/pins"
	_ "modernc.org/sqlite"
)

// sampleBounds reads the bbox of the sample map, which both targets use.
func sampleBounds(t testing.TB) atlas.BBox { return atlastest.Sample(t).Bounds }

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
	within := boundary.WithinMap(atlastest.Sample(t))
	srv := httptest.NewServer(pins.NewHandler(pins.NewStore(db, "schilderswijk"), pins.Options{
		Rules: pin.Rules{Bounds: sampleBounds(t)}, Within: within, ModeratorToken: moderatorToken(), Log: t.Logf}))
	t.Cleanup(srv.Close)
	return srv.URL
}

// moderatorToken is the moderator secret of the target under test.
func moderatorToken() string {
	if t := os.Getenv("PINS_MODERATOR_TOKEN"); t != "" {
		return t
	}
	return "test-moderator-token-0123456789"
}

// device is this test run's device token; most requests send it, as the page does.
var device = "test-device-" + uuid()[:18]

func uuid() string {
	b := make([]byte, 16)
	rand.Read(b)
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:])
}

// created is the answer to a new pin.
type created struct {
	pin.Pin
	DeleteToken string `json:"delete_token"`
}

type response struct {
	status int
	body   []byte
	header http.Header
}

// do sends a request as a script on this machine would: JSON, with this
// run's device token, no Origin. headers are name, value pairs that
// replace those; an empty value removes one.
func do(t *testing.T, method, url, body string, headers ...string) response {
	t.Helper()
	return send(t, http.DefaultClient, method, url, body, headers...)
}

func send(t *testing.T, client *http.Client, method, url, body string, headers ...string) response {
	t.Helper()
	req, err := http.NewRequest(method, url, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set(pins.DeviceHeader, device)
	for i := 0; i+1 < len(headers); i += 2 {
		if headers[i+1] == "" {
			req.Header.Del(headers[i])
		} else {
			req.Header.Set(headers[i], headers[i+1])
		}
	}
	res, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return response{res.StatusCode, b, res.Header}
}

// network is a client that connects from a loopback address of its own,
// 127.x.y.z, chosen at random: to the server, another home or Wi-Fi, with
// budgets of its own. Tests of per-network limits use one, so they neither
// spend nor depend on what other tests and scripts send from 127.0.0.1
// (serve and wrangler dev both see the connection's address). It needs a
// target on 127.0.0.1; for any other the test is skipped.
type network struct {
	client *http.Client
}

// clearOfTheHour waits out a clock hour's last seconds: the limits count
// per clock hour (limit.go), so a test counting up to one across the turn
// of the hour meets a fresh counter and no 429 (a CI run at 21:59:5x did).
func clearOfTheHour(t *testing.T, need time.Duration) {
	left := time.Until(time.Now().Truncate(time.Hour).Add(time.Hour))
	if left < need {
		t.Logf("waiting %s for the hour to turn: the limits count per hour", left.Round(time.Second))
		time.Sleep(left + time.Second)
	}
}

func newNetwork(t *testing.T, base string) *network {
	t.Helper()
	if u, err := url.Parse(base); err != nil || u.Hostname() != "127.0.0.1" {
		t.Skipf("%s: tests of per-network limits need a target on 127.0.0.1", base)
	}
	b := make([]byte, 3)
	rand.Read(b)
	ip := net.IPv4(127, 1+b[0]%254, b[1], 1+b[2]%254)
	dialer := &net.Dialer{LocalAddr: &net.TCPAddr{IP: ip}}
	tr := &http.Transport{DialContext: dialer.DialContext, MaxIdleConnsPerHost: 4}
	t.Cleanup(tr.CloseIdleConnections)
	t.Logf("network %s", ip)
	return &network{&http.Client{Transport: tr}}
}

func (n *network) do(t *testing.T, method, url, body string, headers ...string) response {
	t.Helper()
	return send(t, n.client, method, url, body, headers...)
}

// post stores a pin from this network and returns it, failing the test
// on any other answer than 201.
func (n *network) post(t *testing.T, base, body string, headers ...string) (created, response) {
	t.Helper()
	r := n.do(t, "POST", base+"/api/pins", body, headers...)
	if r.status != 201 {
		t.Fatalf("POST: %d %s", r.status, r.body)
	}
	var c created
	if err := json.Unmarshal(r.body, &c); err != nil {
		t.Fatal(err)
	}
	return c, r
}

// removeLater deletes pins at the end of the test, with their tokens, so
// the many pins a limit test stores do not crowd the map for the browser
// tests that run after the suite against the same server.
func removeLater(t *testing.T, base string, pins *[]created) {
	t.Cleanup(func() {
		for _, p := range *pins {
			if r := do(t, "DELETE", base+"/api/pins/"+p.ID, "", "Authorization", "Bearer "+p.DeleteToken); r.status != 204 {
				t.Errorf("cleaning up %s: %d %s", p.ID, r.status, r.body)
			}
		}
	})
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
	var got created
	if err := json.Unmarshal(res.body, &got); err != nil {
		t.Fatal(err)
	}
	if got.ID != id || got.Kind != "plek" || got.Note != "Fijn bankje in de zon ☀ — ë ï é ĳ" || got.Created == "" ||
		got.Status != pin.Visible || len(got.DeleteToken) != 64 {
		t.Fatalf("stored pin %s", res.body)
	}
	one := do(t, "GET", base+"/api/pins/"+id, "")
	var again pin.Pin
	json.Unmarshal(one.body, &again)
	if one.status != 200 || again != got.Pin || strings.Contains(string(one.body), "delete") {
		t.Fatalf("GET one: %d %s, want the pin of %s without its token", one.status, one.body, res.body)
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
	first := post(t, base, pinJSON(id, `,"note":"eerste"`))
	clash := do(t, "POST", base+"/api/pins", pinJSON(id, `,"note":"andere tekst"`))
	expectProblem(t, clash, 409, "id_in_use")
	var got pin.Pin
	if r := do(t, "GET", base+"/api/pins/"+id, ""); json.Unmarshal(r.body, &got) != nil || got != first.Pin {
		t.Fatalf("clash changed the pin: %s", r.body)
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
		{"right-to-left override in a name", func(id string) string { return pinJSON(id, `,"name":"Bakker\u202eenaz"`) }, 422, "invisible_character"},
		{"zero-width space in a note", func(id string) string { return pinJSON(id, `,"note":"gra\u200btis"`) }, 422, "invisible_character"},
		{"isolate in an author", func(id string) string { return pinJSON(id, `,"author":"\u2066Henk\u2069"`) }, 422, "invisible_character"},
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

// Item 11. Bidi overrides and zero-width characters were stored and
// exported; now they are refused (above), while the joiners that emoji and
// Persian words need are kept.
func TestContractJoinersKept(t *testing.T) {
	base := target(t)
	note := "kok 👩\u200d🍳 en کتاب\u200cخانه"
	c := post(t, base, pinJSON(uuid(), `,"note":"`+note+`"`))
	if c.Note != "kok 👩\u200d🍳 en کتاب\u200cخانه" {
		t.Fatalf("note stored as %q", c.Note)
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
	n := 0
	for _, p := range listAll(t, base, "") {
		if p.ID == id {
			n++
		}
	}
	return n
}

func post(t *testing.T, base, body string, headers ...string) created {
	t.Helper()
	r := do(t, "POST", base+"/api/pins", body, headers...)
	if r.status != 201 {
		t.Fatalf("POST: %d %s", r.status, r.body)
	}
	var c created
	if err := json.Unmarshal(r.body, &c); err != nil {
		t.Fatal(err)
	}
	return c
}

func TestContractServerOwnedFieldsAreNeverSettable(t *testing.T) {
	base := target(t)
	for _, field := range []string{`"status":"visible"`, `"reports":0`, `"delete_token":"x"`, `"delete_hash":"x"`,
		`"created":"2001-01-01T00:00:00Z"`, `"created_at":"2001-01-01T00:00:00Z"`, `"updated_at":"x"`,
		`"map":"elders"`, `"cell":1`, `"device":"x"`} {
		t.Run(field, func(t *testing.T) {
			id := uuid()
			expectProblem(t, do(t, "POST", base+"/api/pins", pinJSON(id, ","+field)), 400, "unknown_field")
			if got := do(t, "GET", base+"/api/pins/"+id, ""); got.status != 404 {
				t.Fatalf("stored: %s", got.body)
			}
		})
	}
}

func TestContractDeleteOwnPin(t *testing.T) {
	base := target(t)
	c := post(t, base, pinJSON(uuid(), `,"note":"weg ermee"`))
	expectProblem(t, do(t, "DELETE", base+"/api/pins/"+c.ID, "", "Authorization", "Bearer "+strings.Repeat("0", 64)), 403, "wrong_token")
	expectProblem(t, do(t, "DELETE", base+"/api/pins/"+c.ID, ""), 403, "wrong_token")
	if r := do(t, "GET", base+"/api/pins/"+c.ID, ""); r.status != 200 {
		t.Fatalf("a wrong token changed something: %d", r.status)
	}
	if r := do(t, "DELETE", base+"/api/pins/"+c.ID, "", "Authorization", "Bearer "+c.DeleteToken); r.status != 204 {
		t.Fatalf("DELETE: %d %s", r.status, r.body)
	}
	expectProblem(t, do(t, "GET", base+"/api/pins/"+c.ID, ""), 404, "not_found")
	if n := countInList(t, base, c.ID); n != 0 {
		t.Fatal("deleted pin still listed")
	}
}

func TestContractReplayFromAnotherDeviceGetsNoToken(t *testing.T) {
	base := target(t)
	id := uuid()
	first := post(t, base, pinJSON(id, ""))
	other := post(t, base, pinJSON(id, ""), pins.DeviceHeader, "someone-else-entirely-1234")
	if other.DeleteToken != "" || other.Pin != first.Pin {
		t.Fatalf("replay from another device: %+v", other)
	}
}

func TestContractPeopleArePrivate(t *testing.T) {
	base := target(t)
	lon, lat := 4.304321, 52.067891
	c := post(t, base, fmt.Sprintf(`{"id":%q,"lon":%v,"lat":%v,"kind":"talent","name":"Fatima naait","author":"Fatima"}`, uuid(), lon, lat))
	if c.Lon == lon || c.Lat == lat || abs(c.Lon-lon) > 0.0008 || abs(c.Lat-lat) > 0.0005 {
		t.Fatalf("talent pin at %v,%v: not coarsened to ~50 m around %v,%v", c.Lon, c.Lat, lon, lat)
	}
	if r := do(t, "GET", base+"/api/pins/"+c.ID, ""); strings.Contains(string(r.body), "Fatima\"") || strings.Contains(string(r.body), `"author"`) {
		t.Fatalf("unconsented author published: %s", r.body)
	}
	// In the list, among other tests' pins (some with a consented author).
	for _, p := range listAll(t, base, "") {
		if p.ID == c.ID && p.Author != "" {
			t.Fatalf("unconsented author published in the list: %+v", p)
		}
	}
	ok := post(t, base, fmt.Sprintf(`{"id":%q,"lon":4.3031,"lat":52.0661,"kind":"verband","note":"breiclub","author":"Henk","show_author":true}`, uuid()))
	if r := do(t, "GET", base+"/api/pins/"+ok.ID, ""); !strings.Contains(string(r.body), `"author":"Henk"`) {
		t.Fatalf("consented author missing: %s", r.body)
	}
}

func TestContractModeration(t *testing.T) {
	base := target(t)
	mod := []string{"Authorization", "Bearer " + moderatorToken()}
	expectProblem(t, do(t, "GET", base+"/api/moderation/queue", ""), 401, "not_moderator")
	expectProblem(t, do(t, "GET", base+"/api/moderation/queue", "", "Authorization", "Bearer nope"), 401, "not_moderator")

	// A pin with a link waits for a moderator.
	link := post(t, base, pinJSON(uuid(), `,"note":"Kijk op www.example.nl voor korting"`))
	if link.Status != pin.Pending || countInList(t, base, link.ID) != 0 {
		t.Fatalf("pin with a link: status %s", link.Status)
	}
	expectProblem(t, do(t, "GET", base+"/api/pins/"+link.ID, ""), 404, "not_found")
	if !inQueue(t, base, link.ID) {
		t.Fatal("pending pin not in the queue")
	}
	if r := do(t, "POST", base+"/api/pins/"+link.ID+"/approve", "", mod...); r.status != 200 {
		t.Fatalf("approve: %d %s", r.status, r.body)
	}
	if countInList(t, base, link.ID) != 1 || inQueue(t, base, link.ID) {
		t.Fatal("approved pin not on the map, or still queued")
	}

	// Anyone may report, with a reason or without; the pin stays up and
	// goes to the queue with the reasons given. A reason the card does not
	// offer is refused.
	c := post(t, base, pinJSON(uuid(), `,"note":"gewoon een bankje"`))
	if r := do(t, "POST", base+"/api/pins/"+c.ID+"/report", ""); r.status != 202 {
		t.Fatalf("report: %d %s", r.status, r.body)
	}
	if r := do(t, "POST", base+"/api/pins/"+c.ID+"/report", `{"reason":"kwetsend"}`); r.status != 202 {
		t.Fatalf("report with a reason: %d %s", r.status, r.body)
	}
	expectProblem(t, do(t, "POST", base+"/api/pins/"+c.ID+"/report", `{"reason":"<script>"}`), 422, "unknown_reason")
	expectProblem(t, do(t, "POST", base+"/api/pins/"+c.ID+"/report", `{"reason":"kwetsend","x":1}`), 400, "invalid_json")
	if !inQueue(t, base, c.ID) || countInList(t, base, c.ID) != 1 {
		t.Fatal("reported pin not queued, or taken down without a moderator")
	}
	if q := do(t, "GET", base+"/api/moderation/queue", "", mod...); !strings.Contains(string(q.body), `"report_reasons":"kwetsend"`) ||
		!strings.Contains(string(q.body), `"reports":2`) {
		t.Fatalf("the queue does not show the reports and their reason: %s", q.body)
	}
	expectProblem(t, do(t, "POST", base+"/api/pins/"+c.ID+"/hide", ""), 401, "not_moderator")
	if r := do(t, "POST", base+"/api/pins/"+c.ID+"/hide", "", mod...); r.status != 200 {
		t.Fatalf("hide: %d %s", r.status, r.body)
	}
	if countInList(t, base, c.ID) != 0 || do(t, "GET", base+"/api/pins/"+c.ID, "").status != 404 {
		t.Fatal("hidden pin still public")
	}
	if r := do(t, "POST", base+"/api/pins/"+c.ID+"/restore", "", mod...); r.status != 200 {
		t.Fatalf("restore: %d %s", r.status, r.body)
	}
	if countInList(t, base, c.ID) != 1 || inQueue(t, base, c.ID) {
		t.Fatal("restored pin not back, or still queued")
	}
	expectProblem(t, do(t, "POST", base+"/api/pins/"+uuid()+"/report", ""), 404, "not_found")
}

func TestContractBBoxAndSince(t *testing.T) {
	base := target(t)
	c := post(t, base, `{"id":"`+uuid()+`","lon":4.3101,"lat":52.0701,"kind":"verhaal","note":"hier"}`)
	for _, tt := range []struct {
		query string
		want  int
	}{
		{"?bbox=4.31,52.07,4.311,52.071", 1},
		{"?bbox=4.29,52.05,4.33,52.08", 1},
		{"?bbox=4.295,52.06,4.30,52.065", 0},
		{"?since=2001-01-01T00:00:00Z", 1},
		{"?since=2999-01-01T00:00:00Z", 0},
		{"?bbox=4.31,52.07,4.311,52.071&since=2001-01-01T00:00:00Z", 1},
	} {
		n := 0
		for _, p := range listAll(t, base, tt.query) {
			if p.ID == c.ID {
				n++
			}
		}
		if n != tt.want {
			t.Errorf("%s: pin listed %d times, want %d", tt.query, n, tt.want)
		}
	}
	expectProblem(t, do(t, "GET", base+"/api/pins?bbox=1,2,3", ""), 400, "invalid_bbox")
	expectProblem(t, do(t, "GET", base+"/api/pins?since=gisteren", ""), 400, "invalid_since")
}

// A flood from one device is stopped; a neighbour on the same Wi-Fi is not.
func TestContractRateLimitPerDevice(t *testing.T) {
	clearOfTheHour(t, time.Minute)
	base := target(t)
	wifi := newNetwork(t, base)
	var stored []created
	removeLater(t, base, &stored)
	flood := []string{pins.DeviceHeader, "flooding-device-" + uuid()[:12]}
	firstID := uuid()
	first, _ := wifi.post(t, base, pinJSON(firstID, ""), flood...)
	stored = append(stored, first)
	var last response
	for i := 0; i < 60; i++ {
		last = wifi.do(t, "POST", base+"/api/pins", pinJSON(uuid(), ""), flood...)
		if last.status != 201 {
			break
		}
		var c created
		json.Unmarshal(last.body, &c)
		stored = append(stored, c)
	}
	expectProblem(t, last, 429, "too_many")
	if wait, err := strconv.Atoi(last.header.Get("Retry-After")); err != nil || wait < 1 || wait > 3601 {
		t.Fatalf("Retry-After %q, want seconds until the hour is over", last.header.Get("Retry-After"))
	}
	neighbour, _ := wifi.post(t, base, pinJSON(uuid(), `,"note":"de buurvrouw"`), pins.DeviceHeader, "neighbour-device-"+uuid()[:12])
	stored = append(stored, neighbour)
	// A replay is answered even over the limit: an outbox must be able to
	// confirm what it sent before the answer was lost.
	if again, _ := wifi.post(t, base, pinJSON(firstID, ""), flood...); again != first {
		t.Fatalf("replay over the limit: %+v, want %+v", again, first)
	}
}

func inQueue(t *testing.T, base, id string) bool {
	t.Helper()
	r := do(t, "GET", base+"/api/moderation/queue", "", "Authorization", "Bearer "+moderatorToken())
	if r.status != 200 {
		t.Fatalf("queue: %d %s", r.status, r.body)
	}
	return strings.Contains(string(r.body), `"id":"`+id+`"`)
}

func abs(v float64) float64 { return max(v, -v) }

// A pin inside the map's bbox but outside its buurt (the hull of the
// sample's streets: its north-west corner has none) is refused with a
// message a resident understands; both hosts apply the same boundary.
func TestContractBoundary(t *testing.T) {
	base := target(t)
	b := sampleBounds(t)
	r := do(t, "POST", base+"/api/pins", `{"id":"`+uuid()+`","lon":`+fmt.Sprint(b.W+0.0005)+`,"lat":`+fmt.Sprint(b.N-0.0005)+`,"kind":"plek"}`)
	expectProblem(t, r, 422, "outside_boundary")
	if !strings.Contains(string(r.body), "buiten de buurt") {
		t.Errorf("the refusal does not say it is outside the buurt: %s", r.body)
	}
	post(t, base, pinJSON(uuid(), `,"note":"midden in de buurt"`))
}
