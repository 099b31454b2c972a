//go:build !js

package host_test

import (
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
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/buurtkaart/buurtkaart/wasm/host"
	"github.com/buurtkaart/buurtkaart/wasm/keepers"
	"github.com/buurtkaart/buurtkaart/wasm/maps"
	"github.com/buurtkaart/buurtkaart/wasm/page"
	"github.com/buurtkaart/buurtkaart/wasm/pins"
	_ "modernc.org/sqlite"
)

const token = "test-moderator-token-0123456789"

// threeMaps is a deployment of three maps in one store: the sample, a
// copy with a boundary polygon smaller than its bbox, and a third copy.
func threeMaps(t *testing.T) (*httptest.Server, *maps.Store) {
	t.Helper()
	srv, st, _ := threeMapsWith(t, nil)
	return srv, st
}

// threeMapsWith is threeMaps with a change to the deployment (its
// keepers, say); it returns the store's database too.
func threeMapsWith(t *testing.T, change func(d *host.Deployment, db *sql.DB)) (*httptest.Server, *maps.Store, *sql.DB) {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+filepath.Join(t.TempDir(), "h.db")+"?_pragma=journal_mode(WAL)&_pragma=busy_timeout(5000)")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	ctx := context.Background()
	if _, err := pins.Migrate(ctx, db); err != nil {
		t.Fatal(err)
	}
	sample, err := os.ReadFile("../../geodata/schilderswijk.geojson")
	if err != nil {
		t.Fatal(err)
	}
	st := maps.NewStore(db)
	// A square of about 280 × 220 m around the sample's middle.
	square := `{"type":"Polygon","coordinates":[[[4.3025,52.0660],[4.3065,52.0660],[4.3065,52.0680],[4.3025,52.0680],[4.3025,52.0660]]]}`
	for _, m := range []struct{ slug, boundary, title string }{
		{"schilderswijk", "", "Schilderswijk"}, {"transvaal", square, "Transvaal"}, {"moerwijk", "", "Moerwijk"},
	} {
		data := strings.Replace(string(sample), `"title":"Schilderswijk`, `"title":"`+m.title, 1)
		if err := st.Create(ctx, m.slug, m.boundary, []byte(data), "test", "2026-11-30T12:00:00Z"); err != nil {
			t.Fatal(err)
		}
	}
	static := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, "static "+r.URL.Path) })
	d := &host.Deployment{DB: db, Default: "schilderswijk", Static: static,
		Pins: pins.Options{ModeratorToken: token, Log: t.Logf}}
	if change != nil {
		change(d, db)
	}
	srv := httptest.NewServer(d)
	t.Cleanup(srv.Close)
	return srv, st, db
}

func get(t *testing.T, url string) (int, string) {
	t.Helper()
	res, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res.StatusCode, string(b)
}

func post(t *testing.T, url, body string) (int, string) {
	t.Helper()
	req, _ := http.NewRequest("POST", url, strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set(pins.DeviceHeader, "test-device-host-0123")
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res.StatusCode, string(b)
}

func uuid() string {
	b := make([]byte, 16)
	rand.Read(b)
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:])
}

// Three maps on one deployment: / lists them, each page is its own map,
// the shared site's files answer under every map.
func TestManyMaps(t *testing.T) {
	srv, _ := threeMaps(t)
	code, body := get(t, srv.URL+"/")
	if code != 200 || !strings.Contains(body, `<a href="transvaal/">Transvaal`) || !strings.Contains(body, `<a href="moerwijk/">Moerwijk`) {
		t.Fatalf("/ = %d, want the list of three maps:\n%.600s", code, body)
	}
	for _, slug := range []string{"schilderswijk", "transvaal", "moerwijk"} {
		_, page := get(t, srv.URL+"/"+slug+"/")
		title := strings.ToUpper(slug[:1]) + slug[1:]
		if !strings.Contains(page, "<title>"+title) || !strings.Contains(page, `id="kaart"`) {
			t.Errorf("/%s/ is not %s's drawn map: %.300s", slug, title, page)
		}
		if _, s := get(t, srv.URL+"/"+slug+"/app.js"); s != "static /app.js" {
			t.Errorf("/%s/app.js = %q, want the shared file", slug, s)
		}
		if _, s := get(t, srv.URL+"/"+slug+"/beheer"); s != "static /beheer.html" {
			t.Errorf("/%s/beheer = %q, want the workshop page", slug, s)
		}
	}
	res, err := http.DefaultClient.Do(mustReq(t, "GET", srv.URL+"/transvaal"))
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.Request.URL.Path != "/transvaal/" {
		t.Errorf("/transvaal led to %s, want /transvaal/", res.Request.URL.Path)
	}
	// The root paths are the default map's, for links made before.
	if _, s := get(t, srv.URL+"/embed"); !strings.Contains(s, "<title>Schilderswijk") {
		t.Errorf("/embed is not the default map's embed: %.200s", s)
	}
	// an unknown slug is no map: it falls to the default map's paths, here
	// the shared site
	if _, s := get(t, srv.URL+"/nergens/"); s != "static /nergens/" {
		t.Errorf("/nergens/ = %q, want the shared site's answer", s)
	}
}

func mustReq(t *testing.T, method, url string) *http.Request {
	req, err := http.NewRequest(method, url, nil)
	if err != nil {
		t.Fatal(err)
	}
	return req
}

// A pin posted to one map is never on another, and a map's boundary
// polygon decides, not its bbox.
func TestPinsPerMap(t *testing.T) {
	srv, _ := threeMaps(t)
	id := uuid()
	spot := `"lon":4.3045,"lat":52.0675,"kind":"plek","note":"Bankje in de zon"`
	if code, body := post(t, srv.URL+"/moerwijk/api/pins", `{"id":"`+id+`",`+spot+`}`); code != 201 {
		t.Fatalf("POST /moerwijk/api/pins: %d %s", code, body)
	}
	if _, body := get(t, srv.URL+"/moerwijk/api/pins"); !strings.Contains(body, id) {
		t.Errorf("moerwijk's pins lack its own pin")
	}
	for _, other := range []string{"/schilderswijk/api/pins", "/transvaal/api/pins", "/api/pins"} {
		if _, body := get(t, srv.URL+other); strings.Contains(body, id) {
			t.Errorf("%s shows moerwijk's pin", other)
		}
		if code, _ := get(t, srv.URL+strings.TrimSuffix(other, "s")+"s/"+id); code != 404 {
			t.Errorf("%s/%s = %d, want 404", other, id, code)
		}
	}
	// Inside the sample's bbox and its streets, outside transvaal's square.
	out := `"lon":4.2985,"lat":52.0700,"kind":"plek"`
	if code, _ := post(t, srv.URL+"/schilderswijk/api/pins", `{"id":"`+uuid()+`",`+out+`}`); code != 201 {
		t.Errorf("the spot is not inside the sample's own boundary (%d); pick another", code)
	}
	code, body := post(t, srv.URL+"/transvaal/api/pins", `{"id":"`+uuid()+`",`+out+`}`)
	if code != 422 || !strings.Contains(body, "outside_boundary") {
		t.Errorf("a pin outside transvaal's boundary: %d %s, want 422 outside_boundary", code, body)
	}
	if code, body := post(t, srv.URL+"/transvaal/api/pins", `{"id":"`+uuid()+`","lon":4.3045,"lat":52.0670,"kind":"plek"}`); code != 201 {
		t.Errorf("a pin inside transvaal's boundary: %d %s", code, body)
	}
}

// A map saved in the store is in the next page load, on every path that
// shows it.
func TestChangedMapInNextPageLoad(t *testing.T) {
	srv, st := threeMaps(t)
	ctx := context.Background()
	if _, page := get(t, srv.URL+"/transvaal/"); strings.Contains(page, "Het Nieuwe Bankje") {
		t.Fatal("the place is there before it is saved")
	}
	cur, err := st.Current(ctx, "transvaal")
	if err != nil {
		t.Fatal(err)
	}
	changed := strings.Replace(string(cur.GeoJSON), `"features":[`, `"features":[
    {"type": "Feature", "id": "nieuw-bankje", "geometry": {"type": "Point", "coordinates": [4.3045, 52.067]}, "properties": {"name": "Het Nieuwe Bankje", "kind": "plek"}},`, 1)
	if changed == string(cur.GeoJSON) {
		t.Fatal("test map has no features array to add to")
	}
	if _, err := st.Save(ctx, "transvaal", cur.Revision.N, []byte(changed), "test", "bankje", "2026-11-30T13:00:00Z"); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{"/transvaal/", "/transvaal/embed", "/transvaal/places.json", "/transvaal/map.geojson"} {
		if _, body := get(t, srv.URL+p); !strings.Contains(body, "Het Nieuwe Bankje") {
			t.Errorf("%s lacks the saved place", p)
		}
	}
	if _, body := get(t, srv.URL+"/moerwijk/"); strings.Contains(body, "Het Nieuwe Bankje") {
		t.Error("another map shows transvaal's new place")
	}
}

// POST /api/maps starts a map, for the moderator only.
func TestCreateMap(t *testing.T) {
	srv, _ := threeMaps(t)
	sample, _ := os.ReadFile("../../geodata/schilderswijk.geojson")
	body := `{"slug":"spoorwijk","geojson":` + string(sample) + `}`
	if code, _ := post(t, srv.URL+"/api/maps", body); code != 401 {
		t.Errorf("POST /api/maps without the token: %d, want 401", code)
	}
	req, _ := http.NewRequest("POST", srv.URL+"/api/maps", strings.NewReader(body))
	req.Header.Set("Authorization", "Bearer "+token)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != 201 {
		t.Fatalf("POST /api/maps: %d", res.StatusCode)
	}
	if code, page := get(t, srv.URL+"/spoorwijk/"); code != 200 || !strings.Contains(page, `id="kaart"`) {
		t.Errorf("/spoorwijk/ = %d", code)
	}
	if _, list := get(t, srv.URL+"/api/maps"); !strings.Contains(list, `"slug":"spoorwijk"`) {
		t.Errorf("/api/maps = %s", list)
	}
}

// keptMaps is threeMaps with the keepers' API, 3 wrong secrets an hour.
func keptMaps(t *testing.T) (*httptest.Server, *sql.DB) {
	srv, _, db := threeMapsWith(t, func(d *host.Deployment, db *sql.DB) {
		d.Keepers = keepers.NewHandler(db, &keepers.Options{WrongSecrets: 3, Log: t.Logf})
	})
	return srv, db
}

// send POSTs body to url with a bearer token and decodes the JSON answer.
func send(t *testing.T, url, bearer, body string) (int, map[string]any) {
	t.Helper()
	req, _ := http.NewRequest("POST", url, strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	if bearer != "" {
		req.Header.Set("Authorization", "Bearer "+bearer)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var out map[string]any
	json.NewDecoder(res.Body).Decode(&out)
	return res.StatusCode, out
}

// filesBody is a POST /api/maps body of files from wasm/exchange/testdata.
func filesBody(t *testing.T, slug string, extra map[string]any, names ...string) string {
	t.Helper()
	var files []map[string]string
	for _, n := range names {
		data, err := os.ReadFile("../exchange/testdata/" + n)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, map[string]string{"name": n, "data": string(data)})
	}
	body := map[string]any{"slug": slug, "files": files}
	for k, v := range extra {
		body[k] = v
	}
	b, _ := json.Marshal(body)
	return string(b)
}

// A map from a mix of files (an .osm extract, a GPX walk), with its
// title, CBS codes and boundary: the moderator starts it, the first
// keeper's link signs in, the page draws it.
func TestCreateMapFromFiles(t *testing.T) {
	srv, _ := keptMaps(t)
	square := `{"type":"Polygon","coordinates":[[[11.25,46.45],[11.27,46.45],[11.27,46.46],[11.25,46.46],[11.25,46.45]]]}`
	body := filesBody(t, "eppan", map[string]any{"title": "Ons Eppan", "cbs": []string{"BU05182916"}, "boundary": square},
		"osmtogeojson-map.osm", "wandeling.gpx")
	code, out := send(t, srv.URL+"/api/maps", token, body)
	if code != 201 || out["title"] != "Ons Eppan" || out["places"].(float64) < 4 {
		t.Fatalf("POST /api/maps: %d %v", code, out)
	}
	link, _ := out["keeper_link"].(string)
	_, c, ok := strings.Cut(link, "#code=")
	if !ok || !strings.HasPrefix(link, "/eppan/beheer#code=") {
		t.Fatalf("keeper_link %q", link)
	}
	if code, s := send(t, srv.URL+"/eppan/api/keeper/session", "", `{"code":"`+c+`"}`); code != 200 || s["token"] == "" {
		t.Errorf("the first keeper's link: %d %v", code, s)
	}
	if _, page := get(t, srv.URL+"/eppan/"); !strings.Contains(page, "<title>Ons Eppan") || !strings.Contains(page, "Fatima naait") {
		t.Errorf("/eppan/ does not draw the new map: %.300s", page)
	}
	if _, m := get(t, srv.URL+"/eppan/api/map"); !strings.Contains(m, "BU05182916") {
		t.Errorf("the map file lacks its CBS code")
	}
	if code, _ := send(t, srv.URL+"/api/maps", token, body); code != 409 {
		t.Errorf("the same slug again: %d, want 409", code)
	}
}

// What cannot make a map is 422, in Dutch and English, with the
// importer's notes, and no map is made.
func TestCreateMapRefusesFiles(t *testing.T) {
	srv, _ := keptMaps(t)
	file := func(name, data string) map[string]any {
		return map[string]any{"files": []map[string]string{{"name": name, "data": data}}}
	}
	tests := []struct {
		name string
		body string
		code string // the error's code
		in   string // in its Dutch message
	}{
		{"no format", filesBody(t, "a1", file("boodschappen.txt", "melk, brood")), "format", "boodschappen.txt: dit soort bestand"},
		{"broken GPX", filesBody(t, "a2", file("kapot.gpx", "<gpx><wpt lat=")), "file", "kapot.gpx: dit GPX-bestand"},
		{"nothing to draw", filesBody(t, "a3", file("leeg.csv", "naam,lat,lon\n")), "nothing", "niets"},
		{"no files", `{"slug":"a4","files":[]}`, "no_files", "minstens één bestand"},
		{"a bad CBS code", filesBody(t, "a5", map[string]any{"cbs": []string{"0518"}}, "wandeling.gpx"), "cbs", "acht cijfers"},
		{"the page's own address", filesBody(t, "nieuw", nil, "wandeling.gpx"), "slug", "adres"},
		{"a boundary that is no area", filesBody(t, "a6", map[string]any{"boundary": `{"type":"Point","coordinates":[4.3,52.06]}`}, "wandeling.gpx"), "boundary", "grens"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out := send(t, srv.URL+"/api/maps", token, tt.body)
			e, _ := out["error"].(map[string]any)
			if code != 422 || e["code"] != tt.code || !strings.Contains(e["nl"].(string), tt.in) || e["en"] == "" {
				t.Errorf("%d %v, want 422 %s", code, out, tt.code)
			}
		})
	}
	if _, list := get(t, srv.URL+"/api/maps"); strings.Contains(list, `"a`) {
		t.Errorf("a refused map was made: %s", list)
	}
	code, out := send(t, srv.URL+"/api/maps", token, filesBody(t, "a7", file("kapot.gpx", "<gpx><wpt lat=")))
	if code != 422 || out["notes"] == nil {
		t.Errorf("no notes with the refusal: %v", out)
	}
}

// A keeper of any map starts a new one with their own token: they are
// its first keeper under their own name, and their map's log says so. A
// revoked keeper cannot; wrong tokens are counted (429) as the keepers'
// own API counts them.
func TestCreateMapByKeeper(t *testing.T) {
	srv, db := keptMaps(t)
	ctx := context.Background()
	ks := keepers.NewStore(db)
	now := time.Now()
	signIn := func(slug, name string) (keepers.Keeper, string) {
		k, code, err := ks.Add(ctx, slug, name, "test", now)
		if err != nil {
			t.Fatal(err)
		}
		_, tok, err := ks.SignIn(ctx, slug, code, now)
		if err != nil {
			t.Fatal(err)
		}
		return k, tok
	}
	_, tok := signIn("transvaal", "Samira")
	code, out := send(t, srv.URL+"/api/maps", tok, filesBody(t, "spoorwijk", map[string]any{"title": "Spoorwijk"}, "plekken.csv"))
	if code != 201 {
		t.Fatalf("a keeper's POST /api/maps: %d %v", code, out)
	}
	list, err := ks.List(ctx, "spoorwijk")
	if err != nil || len(list) != 1 || list[0].Name != "Samira" {
		t.Errorf("spoorwijk's keepers: %v %v, want Samira", list, err)
	}
	logged, _ := ks.Log(ctx, "transvaal", 10)
	if len(logged) == 0 || logged[0].Action != "map.new" || logged[0].Keeper != "Samira" || !strings.Contains(logged[0].Detail, "/spoorwijk/") {
		t.Errorf("transvaal's log: %v", logged)
	}
	if mine, _ := ks.Log(ctx, "spoorwijk", 10); len(mine) == 0 || mine[0].Action != "map.new" {
		t.Errorf("spoorwijk's log: %v", mine)
	}
	// Revoked: no more.
	k2, tok2 := signIn("moerwijk", "Piet")
	signIn("moerwijk", "Anna")
	if err := ks.Revoke(ctx, "moerwijk", k2.ID, false, now); err != nil {
		t.Fatal(err)
	}
	if code, _ := send(t, srv.URL+"/api/maps", tok2, filesBody(t, "piet", nil, "plekken.csv")); code != 401 {
		t.Errorf("a revoked keeper: %d, want 401", code)
	}
	// Guessing: 429 within the keepers' budget, then for good tokens too.
	got := 0
	for i := 0; i < 5 && got != 429; i++ {
		got, _ = send(t, srv.URL+"/api/maps", fmt.Sprintf("guess-%d-0123456789abcdefghij", i), filesBody(t, "raden", nil, "plekken.csv"))
	}
	if got != 429 {
		t.Errorf("wrong tokens: %d, want 429 within the budget", got)
	}
	if code, _ := send(t, srv.URL+"/api/maps", tok, filesBody(t, "na-raden", nil, "plekken.csv")); code != 429 {
		t.Errorf("a keeper's token from a network past its budget: %d, want 429", code)
	}
	if _, list := get(t, srv.URL+"/api/maps"); strings.Contains(list, "raden") || strings.Contains(list, `"piet"`) {
		t.Errorf("a refused map was made: %s", list)
	}
}

// /nieuw is the page that starts a map.
func TestCreatePageAtNieuw(t *testing.T) {
	srv, _ := threeMaps(t)
	if _, s := get(t, srv.URL+"/nieuw"); s != "static /nieuw.html" {
		t.Errorf("/nieuw = %q, want the static nieuw.html", s)
	}
}

// One keeper (or the moderator) starts at most MapsPerHour maps an hour.
func TestMapsPerHour(t *testing.T) {
	srv, _ := threeMaps(t)
	sample, _ := os.ReadFile("../../geodata/schilderswijk.geojson")
	for i := range host.MapsPerHour + 1 {
		code, out := send(t, srv.URL+"/api/maps", token, `{"slug":"buurt-`+strconv.Itoa(i)+`","geojson":`+string(sample)+`}`)
		if want := 201; i == host.MapsPerHour {
			if code != 429 {
				t.Fatalf("map %d: %d %v, want 429", i+1, code, out)
			}
		} else if code != want {
			t.Fatalf("map %d: %d %v", i+1, code, out)
		}
	}
}

// Memory keeps what fits its budget, the maps asked for longest ago going
// first; a dropped map is rendered again when asked for.
func TestMemoryBudget(t *testing.T) {
	m := &host.Memory{MaxBytes: 250}
	renders := 0
	render := func() (page.Files, error) { renders++; return page.Files{"index.html": make([]byte, 100)}, nil }
	ctx := context.Background()
	for _, slug := range []string{"a", "b", "a", "c"} { // a was used after b: b goes when c comes
		m.Files(ctx, slug, 1, render)
	}
	if renders != 3 {
		t.Fatalf("%d renders, want 3", renders)
	}
	if _, how, _ := m.Files(ctx, "a", 1, render); how != "memory" {
		t.Errorf("a: %s, want memory", how)
	}
	if _, how, _ := m.Files(ctx, "b", 1, render); how != "render" {
		t.Errorf("b: %s, want render (dropped)", how)
	}
}

// Memory answers with Compress's copy at once and with Recompress's once it
// is made, in the background.
func TestMemoryRecompress(t *testing.T) {
	slow := make(chan struct{})
	var big atomic.Bool
	m := &host.Memory{
		Compress: func(b []byte) []byte { return b[:len(b)-1] },
		Recompress: func(b []byte) []byte {
			big.Store(big.Load() || len(b) > 256<<10)
			<-slow
			return b[:1]
		},
	}
	ctx := context.Background()
	render := func() (page.Files, error) {
		return page.Files{"index.html": []byte("0123456789"), "big.html": make([]byte, 300<<10)}, nil
	}
	r, _, _ := m.Files(ctx, "a", 1, render)
	if got := len(r.Brotli["index.html"]); got != 9 {
		t.Fatalf("first answer: %d bytes compressed, want Compress's 9", got)
	}
	close(slow)
	deadline := time.Now().Add(5 * time.Second)
	for {
		r, how, _ := m.Files(ctx, "a", 1, render)
		if how != "memory" {
			t.Fatalf("%s, want memory", how)
		}
		if len(r.Brotli["index.html"]) == 1 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("Recompress's copy never replaced Compress's")
		}
		time.Sleep(5 * time.Millisecond)
	}
	time.Sleep(20 * time.Millisecond)
	if r, _, _ := m.Files(ctx, "a", 1, render); big.Load() || len(r.Brotli["big.html"]) != 300<<10-1 {
		t.Error("a file over 256 KB was compressed again")
	}
}

// A map file with errors is not started: 422 with its problems, as a
// keeper's save would get.
func TestCreateMapChecksTheFile(t *testing.T) {
	srv, _ := threeMaps(t)
	broken := `{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[4.3,52.06]},"properties":{"kind":"talnt","name":"x"}}]}`
	code, out := send(t, srv.URL+"/api/maps", token, `{"slug":"kapot","geojson":`+broken+`}`)
	if code != 422 || out["problems"] == nil {
		t.Errorf("a broken map file: %d %v, want 422 with problems", code, out)
	}
	if _, body := get(t, srv.URL+"/kapot/"); strings.Contains(body, `id="kaart"`) {
		t.Error("the broken map was started")
	}
}

// A deleted map's slug used again is another map: its pages are not the
// old map's, though both are revision 1, and the old keepers are gone.
func TestSlugUsedAgain(t *testing.T) {
	srv, st := threeMaps(t)
	ctx := context.Background()
	if _, page := get(t, srv.URL+"/moerwijk/"); !strings.Contains(page, "<title>Moerwijk") {
		t.Fatal("moerwijk's page is not its own")
	}
	if err := st.Delete(ctx, "moerwijk"); err != nil {
		t.Fatal(err)
	}
	sample, _ := os.ReadFile("../../geodata/schilderswijk.geojson")
	again := strings.Replace(string(sample), `"title":"Schilderswijk`, `"title":"Moerwijk Opnieuw`, 1)
	if err := st.Create(ctx, "moerwijk", "", []byte(again), "test", time.Now().UTC().Format(time.RFC3339)); err != nil {
		t.Fatal(err)
	}
	if _, page := get(t, srv.URL+"/moerwijk/"); !strings.Contains(page, "<title>Moerwijk Opnieuw") {
		t.Error("the slug used again shows the deleted map's page")
	}
}

func TestTakesBrotli(t *testing.T) {
	for accept, want := range map[string]bool{
		"gzip, deflate, br, zstd": true, "br": true, "BR;q=0.5": true, "gzip": false, "": false,
		"br;q=0, gzip": false, "gzip, deflate, br;q=0": false, "*": true, "*;q=0": false,
		"*;q=0, br": true, "br;q=0, *": false, "gzip, *;q=0.1": true, "br;q=abc": false, "brotli": false,
	} {
		if got := host.TakesBrotli(accept); got != want {
			t.Errorf("TakesBrotli(%q) = %v, want %v", accept, got, want)
		}
	}
}
