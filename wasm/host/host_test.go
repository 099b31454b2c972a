//go:build !js

package host_test

import (
	"context"
	"crypto/rand"
	"database/sql"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/buurtkaart/buurtkaart/wasm/host"
	"github.com/buurtkaart/buurtkaart/wasm/maps"
	"github.com/buurtkaart/buurtkaart/wasm/pins"
	_ "modernc.org/sqlite"
)

const token = "test-moderator-token-0123456789"

// threeMaps is a deployment of three maps in one store: the sample, a
// copy with a boundary polygon smaller than its bbox, and a third copy.
func threeMaps(t *testing.T) (*httptest.Server, *maps.Store) {
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
	srv := httptest.NewServer(d)
	t.Cleanup(srv.Close)
	return srv, st
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
	if code, _ := get(t, srv.URL+"/nergens/"); code != 200 {
		// an unknown slug falls to the default map's paths: the static site
		t.Logf("/nergens/ = %d", code)
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
