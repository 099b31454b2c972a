//go:build !js

package keepers_test

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/buurtkaart/buurtkaart/wasm/keepers"
	"github.com/buurtkaart/buurtkaart/wasm/maps"
	"github.com/buurtkaart/buurtkaart/wasm/pin"
	"github.com/buurtkaart/buurtkaart/wasm/pins"
	_ "modernc.org/sqlite"
)

const (
	moderatorToken = "moderator-token-of-24-characters-or-more"
	mapFile        = `{"type":"FeatureCollection","title":"Schilderswijk","bbox":[4.29,52.05,4.33,52.08],"features":[` + "\n" +
		`{"type":"Feature","id":"a","geometry":{"type":"Point","coordinates":[4.30,52.06]},"properties":{"name":"Buurthuis","kind":"plek","note":"open"}},` + "\n" +
		`{"type":"Feature","id":"b","geometry":{"type":"Point","coordinates":[4.31,52.07]},"properties":{"name":"Breiclub","kind":"verband","note":"woensdag"}}` + "\n]}"
)

// world is a deployment over one real SQLite file: the keeper API, the
// maps API with the keepers' options and the pins API of two maps.
type world struct {
	t    *testing.T
	db   *sql.DB
	url  string
	kh   *keepers.Handler
	addr string // the client address the handlers see
}

func newWorld(t *testing.T) *world {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+filepath.Join(t.TempDir(), "k.db")+"?_pragma=journal_mode(WAL)&_pragma=busy_timeout(5000)")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	ctx := context.Background()
	if _, err := pins.Migrate(ctx, db); err != nil {
		t.Fatal(err)
	}
	ms := maps.NewStore(db)
	for _, slug := range []string{"schilderswijk", "transvaal"} {
		if err := ms.Create(ctx, slug, "", []byte(mapFile), "buurtkaart", "2026-11-30T12:00:00Z"); err != nil {
			t.Fatal(err)
		}
	}
	w := &world{t: t, db: db, addr: "192.0.2.1"}
	w.kh = keepers.NewHandler(db, &keepers.Options{Secret: []byte("a limit secret of enough characters"), Log: t.Logf,
		ClientAddr: func(*http.Request) string { return w.addr }})
	mux := http.NewServeMux()
	mapsAPI := maps.NewHandler(ms, w.kh.MapOptions())
	for _, slug := range []string{"schilderswijk", "transvaal"} {
		mux.Handle("/"+slug+"/api/keeper/", w.kh)
		mux.Handle("/"+slug+"/api/map", mapsAPI)
		mux.Handle("/"+slug+"/api/map/", mapsAPI)
		api := pins.NewHandler(pins.NewStore(db, slug), pins.Options{Rules: pin.Rules{Premoderate: true}, Log: t.Logf,
			ModeratorToken: moderatorToken, Keeper: w.kh.Moderates(slug)})
		mux.Handle("/"+slug+"/api/", http.StripPrefix("/"+slug, api))
	}
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	w.url = srv.URL
	if err := keepers.Seed(ctx, keepers.NewStore(db), "schilderswijk", "beheerder", moderatorToken, time.Now()); err != nil {
		t.Fatal(err)
	}
	return w
}

type reply struct {
	status int
	body   string
	header http.Header
}

// call sends a request; headers are name, value pairs, and "token" stands
// for Authorization: Bearer.
func (w *world) call(method, path, body string, headers ...string) reply {
	w.t.Helper()
	req, _ := http.NewRequest(method, w.url+path, strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	for i := 0; i+1 < len(headers); i += 2 {
		if headers[i] == "token" {
			req.Header.Set("Authorization", "Bearer "+headers[i+1])
			continue
		}
		req.Header.Set(headers[i], headers[i+1])
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		w.t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return reply{res.StatusCode, string(b), res.Header}
}

func (w *world) expect(r reply, status int, want string) {
	w.t.Helper()
	if r.status != status || !strings.Contains(r.body, want) {
		w.t.Errorf("got %d %s, want %d with %s", r.status, strings.TrimSpace(r.body), status, want)
	}
}

func decode[T any](t *testing.T, r reply) T {
	t.Helper()
	var v T
	if err := json.Unmarshal([]byte(r.body), &v); err != nil {
		t.Fatalf("%d %s: %v", r.status, r.body, err)
	}
	return v
}

// signIn adds a keeper (as the seeded one) and signs them in with their link.
func (w *world) signIn(slug, name string) (token, id string) {
	w.t.Helper()
	by := moderatorToken
	if slug != "schilderswijk" {
		k, code, err := keepers.NewStore(w.db).Add(context.Background(), slug, name, "buurtkaart", time.Now())
		if err != nil {
			w.t.Fatal(err)
		}
		s := decode[struct{ Token string }](w.t, w.call("POST", "/"+slug+"/api/keeper/session", `{"code":"`+code+`"}`))
		return s.Token, k.ID
	}
	added := decode[struct {
		Keeper struct{ ID string }
		Link   string
	}](w.t, w.call("POST", "/"+slug+"/api/keeper/keepers", `{"name":"`+name+`"}`, "token", by))
	_, code, _ := strings.Cut(added.Link, "#code=")
	if !strings.HasPrefix(added.Link, "/"+slug+"/beheer#code=") {
		w.t.Fatalf("link %q", added.Link)
	}
	s := decode[struct{ Token string }](w.t, w.call("POST", "/"+slug+"/api/keeper/session", `{"code":"`+code+`"}`))
	if s.Token == "" {
		w.t.Fatal("no token")
	}
	return s.Token, added.Keeper.ID
}

var pinN int

// pinOf drops a resident's pin on the map (waiting: the map is premoderated)
// and returns its id and delete token.
func (w *world) pinOf(name string, consent bool) (id, deleteToken string) {
	w.t.Helper()
	pinN++
	id = fmt.Sprintf("00000000-0000-4000-8000-%012d", pinN)
	r := w.call("POST", "/schilderswijk/api/pins", fmt.Sprintf(`{"id":%q,"lon":4.305,"lat":52.065,"kind":"plek","name":%q,"note":"fijn","author":"Henk","show_author":%t}`, id, name, consent),
		pins.DeviceHeader, "device-of-the-keepers-test")
	c := decode[struct {
		DeleteToken string `json:"delete_token"`
		Status      string
	}](w.t, r)
	if c.Status != "pending" {
		w.t.Fatalf("pin: %d %s", r.status, r.body)
	}
	return id, c.DeleteToken
}

func TestSigningIn(t *testing.T) {
	w := newWorld(t)
	fatima, fatimaID := w.signIn("schilderswijk", "Fatima")
	other, _ := w.signIn("transvaal", "Jan")
	w.expect(w.call("GET", "/schilderswijk/api/keeper/me", "", "token", fatima), 200, `"name":"Fatima"`)
	w.expect(w.call("GET", "/schilderswijk/api/keeper/me", "", "token", moderatorToken), 200, `"name":"beheerder"`)

	// The one-time code works once.
	added := decode[struct{ Link string }](t, w.call("POST", "/schilderswijk/api/keeper/keepers", `{"name":"Henk"}`, "token", fatima))
	_, code, _ := strings.Cut(added.Link, "#code=")
	w.expect(w.call("POST", "/schilderswijk/api/keeper/session", `{"code":"`+code+`"}`), 200, `"name":"Henk"`)
	w.expect(w.call("POST", "/schilderswijk/api/keeper/session", `{"code":"`+code+`"}`), 401, "bad_code")

	// Every call without a token, with a revoked one, with another map's.
	calls := [][2]string{{"GET", "me"}, {"GET", "keepers"}, {"POST", "keepers"}, {"DELETE", "keepers/" + fatimaID}, {"GET", "queue"}, {"GET", "log"},
		{"POST", "pins/x/approve"}, {"POST", "pins/x/hide"}, {"POST", "pins/x/restore"}, {"POST", "pins/x/promote"}, {"POST", "revisions/2/undo"}}
	for _, c := range calls {
		r := w.call(c[0], "/schilderswijk/api/keeper/"+c[1], "")
		w.expect(r, 401, "not_keeper")
		if r.header.Get("WWW-Authenticate") == "" {
			t.Errorf("%s %s: no WWW-Authenticate", c[0], c[1])
		}
		w.expect(w.call(c[0], "/schilderswijk/api/keeper/"+c[1], "", "token", other), 403, "other_map")
	}
	w.expect(w.call("PUT", "/schilderswijk/api/map", mapFile, "If-Match", `"1"`), 401, "not_keeper")
	w.expect(w.call("PUT", "/schilderswijk/api/map", mapFile, "If-Match", `"1"`, "token", other), 403, "other_map")
	w.expect(w.call("POST", "/schilderswijk/api/map/check", mapFile, "token", other), 403, "other_map")

	w.expect(w.call("DELETE", "/schilderswijk/api/keeper/keepers/"+fatimaID, "", "token", moderatorToken), 204, "")
	for _, c := range calls {
		w.expect(w.call(c[0], "/schilderswijk/api/keeper/"+c[1], "", "token", fatima), 401, "not_keeper")
	}
	w.expect(w.call("GET", "/schilderswijk/api/moderation/queue", "", "token", fatima), 401, "not_moderator")
	list := w.call("GET", "/schilderswijk/api/keeper/keepers", "", "token", moderatorToken)
	w.expect(list, 200, `"name":"Fatima","added_at"`)
	w.expect(list, 200, `"revoked":true`)

	// Tokens and codes are stored only as their SHA-256.
	rows, err := w.db.Query(`SELECT hash FROM keeper_keys`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	hashes := map[string]bool{}
	for rows.Next() {
		var h string
		rows.Scan(&h)
		hashes[h] = true
	}
	for _, secret := range []string{fatima, other, moderatorToken, code} {
		sum := sha256.Sum256([]byte(secret))
		if hashes[secret] {
			t.Errorf("a secret is stored as itself")
		}
		if secret != code && !hashes[hex.EncodeToString(sum[:])] {
			t.Errorf("a token's hash is not stored")
		}
	}
}

func TestLastKeeperStays(t *testing.T) {
	w := newWorld(t)
	me := decode[struct{ Keeper struct{ ID string } }](t, w.call("GET", "/schilderswijk/api/keeper/me", "", "token", moderatorToken))
	w.expect(w.call("DELETE", "/schilderswijk/api/keeper/keepers/"+me.Keeper.ID, "", "token", moderatorToken), 409, "last_keeper")
	w.expect(w.call("DELETE", "/schilderswijk/api/keeper/keepers/nobody", "", "token", moderatorToken), 404, "not_found")
	w.expect(w.call("POST", "/schilderswijk/api/keeper/keepers", `{"name":""}`, "token", moderatorToken), 422, "invalid_name")
}

// From the 50th wrong token or code in an hour, every keeper request from
// that network is 429, the right token too; another network is not locked out.
func TestWrongTokensAreLimited(t *testing.T) {
	w := newWorld(t)
	for i := 1; i <= 50; i++ {
		path, body, hdr := "/schilderswijk/api/keeper/me", "", []string{"token", fmt.Sprintf("guess-%d", i)}
		if i%2 == 0 {
			path, body, hdr = "/schilderswijk/api/keeper/session", `{"code":"guess"}`, nil
		}
		r := w.call(map[bool]string{true: "GET", false: "POST"}[body == ""], path, body, hdr...)
		if want := map[bool]int{true: 429, false: 401}[i == 50]; r.status != want {
			t.Fatalf("wrong secret %d: %d %s, want %d", i, r.status, r.body, want)
		}
	}
	r := w.call("GET", "/schilderswijk/api/keeper/me", "", "token", moderatorToken)
	w.expect(r, 429, "too_many_guesses")
	if r.header.Get("Retry-After") == "" {
		t.Error("429 without Retry-After")
	}
	w.expect(w.call("PUT", "/schilderswijk/api/map", mapFile, "If-Match", `"1"`, "token", moderatorToken), 429, "too_many_guesses")
	w.addr = "198.51.100.7"
	w.expect(w.call("GET", "/schilderswijk/api/keeper/me", "", "token", moderatorToken), 200, "beheerder")
}

func TestModeratingPins(t *testing.T) {
	w := newWorld(t)
	fatima, _ := w.signIn("schilderswijk", "Fatima")
	approved, _ := w.pinOf("Bankje", false)
	hidden, hiddenToken := w.pinOf("Reclame", false)
	w.expect(w.call("GET", "/schilderswijk/api/keeper/queue", "", "token", fatima), 200, `"id":"`+hidden+`"`)

	w.expect(w.call("GET", "/schilderswijk/api/pins", ""), 200, `"features":[]`)
	w.expect(w.call("POST", "/schilderswijk/api/keeper/pins/"+approved+"/approve", "", "token", fatima), 200, `"status":"visible"`)
	w.expect(w.call("GET", "/schilderswijk/api/pins", ""), 200, approved)

	w.expect(w.call("POST", "/schilderswijk/api/keeper/pins/"+hidden+"/hide", `{"reason":""}`, "token", fatima), 422, "invalid_reason")
	w.expect(w.call("POST", "/schilderswijk/api/keeper/pins/"+hidden+"/hide", `{"reason":"Dit is reclame voor een winkel buiten de buurt."}`, "token", fatima), 200, `"status":"hidden"`)
	w.expect(w.call("GET", "/schilderswijk/api/pins/"+hidden, ""), 404, "not_found")
	w.expect(w.call("GET", "/schilderswijk/api/pins/"+hidden, "", "token", "not-the-delete-token"), 404, "not_found")
	w.expect(w.call("GET", "/schilderswijk/api/pins/"+hidden, "", "token", hiddenToken), 200, `"hidden_reason":"Dit is reclame voor een winkel buiten de buurt."`)
	w.expect(w.call("POST", "/schilderswijk/api/keeper/pins/"+hidden+"/restore", "", "token", fatima), 200, `"status":"visible"`)
	w.expect(w.call("GET", "/schilderswijk/api/pins/"+hidden, "", "token", hiddenToken), 200, `"status":"visible"`)
	w.expect(w.call("POST", "/schilderswijk/api/keeper/pins/nope/approve", "", "token", fatima), 404, "not_found")

	// A keeper's token works on the pins API's moderation too.
	w.expect(w.call("GET", "/schilderswijk/api/moderation/queue", "", "token", fatima), 200, `"pins"`)

	log := decode[struct{ Log []keepers.Entry }](t, w.call("GET", "/schilderswijk/api/keeper/log", "", "token", fatima))
	var actions []string
	for _, e := range log.Log {
		actions = append(actions, e.Keeper+" "+e.Action)
	}
	want := "Fatima pin.restore,Fatima pin.hide,Fatima pin.approve,Fatima signin,beheerder keeper.add"
	if strings.Join(actions, ",") != want {
		t.Errorf("log: %v\nwant %s", actions, want)
	}
}

func TestPromote(t *testing.T) {
	w := newWorld(t)
	fatima, _ := w.signIn("schilderswijk", "Fatima")
	shown, _ := w.pinOf("Moestuin", true)
	private, privateToken := w.pinOf("Fatima's naaiatelier", false)
	w.call("POST", "/schilderswijk/api/keeper/pins/"+shown+"/approve", "", "token", fatima)

	promote := func(id, body, rev string) reply {
		return w.call("POST", "/schilderswijk/api/keeper/pins/"+id+"/promote", body, "token", fatima, "If-Match", rev)
	}
	w.expect(w.call("POST", "/schilderswijk/api/keeper/pins/"+shown+"/promote", "", "token", fatima), 428, "if_match_required")
	w.expect(promote(shown, `{"kind":"talnt"}`, `"1"`), 422, "invalid_place")
	w.expect(promote(shown, "", `"1"`), 201, `{"place":"pin-`+shown+`","revision":2}`)
	w.expect(promote(shown, "", `"1"`), 201, `{"place":"pin-`+shown+`","revision":2}`) // a retry: done already
	w.expect(promote(private, `{"name":"Naaiatelier","note":"gordijnen"}`, `"1"`), 412, `"revision":2`)
	w.expect(promote(private, `{"name":"Naaiatelier","note":"gordijnen"}`, `"2"`), 201, `"revision":3`)

	m := w.call("GET", "/schilderswijk/api/map", "")
	if strings.Count(m.body, `"id":"pin-`+shown+`"`) != 1 || !strings.Contains(m.body, `"name":"Moestuin","kind":"plek","note":"fijn","author":"Henk"`) {
		t.Errorf("the map after promoting: %s", m.body)
	}
	if !strings.Contains(m.body, `"id":"pin-`+private+`","geometry":{"type":"Point","coordinates":[4.305,52.065]},"properties":{"name":"Naaiatelier","kind":"plek","note":"gordijnen"}}`) {
		t.Errorf("a place without the author's consent: %s", m.body)
	}
	if strings.Count(m.body, "Henk") != 1 {
		t.Errorf("the author without consent is on the map")
	}
	w.expect(w.call("GET", "/schilderswijk/api/pins", ""), 200, `"features":[]`)
	w.expect(w.call("GET", "/schilderswijk/api/pins/"+shown, ""), 404, "not_found")
	w.expect(w.call("GET", "/schilderswijk/api/pins/"+private, "", "token", privateToken), 200, `"status":"promoted"`)
	if ps, _ := pins.NewStore(w.db, "schilderswijk").List(context.Background(), pins.Query{}); len(ps) != 0 {
		t.Errorf("exports would hold %d pins", len(ps))
	}
	w.expect(w.call("POST", "/schilderswijk/api/keeper/pins/"+shown+"/restore", "", "token", fatima), 409, "promoted")
	w.expect(w.call("GET", "/schilderswijk/api/keeper/queue", "", "token", fatima), 200, `{"pins":[]}`)
	w.expect(w.call("GET", "/schilderswijk/api/keeper/log", "", "token", fatima), 200, `"keeper":"Fatima","action":"pin.promote"`)

	// Undoing a promotion gives the resident their pin back: never lost.
	w.expect(w.call("POST", "/schilderswijk/api/keeper/revisions/3/undo", "", "token", fatima, "If-Match", `"3"`), 201, `{"revision":4}`)
	w.expect(w.call("GET", "/schilderswijk/api/pins", ""), 200, private)
	if m := w.call("GET", "/schilderswijk/api/map", ""); strings.Contains(m.body, "pin-"+private) {
		t.Errorf("the undone place is still on the map")
	}
}

// Undo of revision n is a new revision with n-1's state of the features n
// touched; a change to another feature made later stays. Two saves on the
// same revision: the second is 412.
func TestUndoAndStaleSaves(t *testing.T) {
	w := newWorld(t)
	fatima, _ := w.signIn("schilderswijk", "Fatima")
	put := func(file, rev string) reply {
		return w.call("PUT", "/schilderswijk/api/map", file, "token", fatima, "If-Match", rev, "X-Buurtkaart-Summary", "test")
	}
	v2 := strings.Replace(mapFile, `"note":"open"`, `"note":"open op zondag"`, 1)
	w.expect(put(v2, `"1"`), 200, `{"revision":2}`)
	w.expect(put(strings.Replace(mapFile, "Buurthuis", "Wijkhuis", 1), `"1"`), 412, `"revision":2`)
	v3 := strings.Replace(v2, `"note":"woensdag"`, `"note":"dinsdag"`, 1)
	w.expect(put(v3, `"2"`), 200, `{"revision":3}`)
	w.expect(w.call("POST", "/schilderswijk/api/keeper/revisions/2/undo", "", "token", fatima, "If-Match", `"2"`), 412, `"revision":3`)
	w.expect(w.call("POST", "/schilderswijk/api/keeper/revisions/1/undo", "", "token", fatima, "If-Match", `"3"`), 409, "first_revision")
	w.expect(w.call("POST", "/schilderswijk/api/keeper/revisions/9/undo", "", "token", fatima, "If-Match", `"3"`), 404, "not_found")
	w.expect(w.call("POST", "/schilderswijk/api/keeper/revisions/2/undo", "", "token", fatima, "If-Match", `"3"`), 201, `{"revision":4}`)
	got := w.call("GET", "/schilderswijk/api/map", "").body
	if want := strings.Replace(mapFile, `"note":"woensdag"`, `"note":"dinsdag"`, 1); got != want {
		t.Errorf("after undo:\n%s\nwant\n%s", got, want)
	}
	w.expect(w.call("GET", "/schilderswijk/api/map/revisions", ""), 401, "not_keeper") // keepers' names are theirs
	w.expect(w.call("GET", "/schilderswijk/api/map/revisions", "", "token", fatima), 200, `{"n":4,"who":"Fatima"`)
	log := w.call("GET", "/schilderswijk/api/keeper/log", "", "token", fatima)
	w.expect(log, 200, `"action":"map.undo","detail":"versie 2 teruggedraaid in versie 4"`)
	w.expect(log, 200, `"action":"map.save","detail":"versie 3: test"`)
}

// Seed is safe at every start, and a new moderator token revokes the
// keeper seeded from the old one.
func TestSeed(t *testing.T) {
	w := newWorld(t)
	st := keepers.NewStore(w.db)
	ctx := context.Background()
	if err := keepers.Seed(ctx, st, "schilderswijk", "beheerder", moderatorToken, time.Now()); err != nil {
		t.Fatal(err)
	}
	if ks, _ := st.List(ctx, "schilderswijk"); len(ks) != 1 {
		t.Errorf("seeded twice: %+v", ks)
	}
	next := moderatorToken + "-rotated"
	if err := keepers.Seed(ctx, st, "schilderswijk", "beheerder", next, time.Now()); err != nil {
		t.Fatal(err)
	}
	w.expect(w.call("GET", "/schilderswijk/api/keeper/me", "", "token", moderatorToken), 401, "not_keeper")
	w.expect(w.call("GET", "/schilderswijk/api/keeper/me", "", "token", next), 200, "beheerder")
	if err := keepers.Seed(ctx, st, "schilderswijk", "beheerder", "", time.Now()); err != nil {
		t.Error(err)
	}
}

// A deleted map's keepers are forgotten: their tokens open nothing at a
// map started later at the same address.
func TestForget(t *testing.T) {
	w := newWorld(t)
	fatima, _ := w.signIn("schilderswijk", "Fatima")
	w.expect(w.call("GET", "/schilderswijk/api/keeper/me", "", "token", fatima), 200, "Fatima")
	if err := keepers.NewStore(w.db).Forget(context.Background(), "schilderswijk"); err != nil {
		t.Fatal(err)
	}
	w.expect(w.call("GET", "/schilderswijk/api/keeper/me", "", "token", fatima), 401, "not_keeper")
}
