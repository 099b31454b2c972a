package main

import (
	"context"
	"database/sql"
	"github.com/buurtkaart/buurtkaart/wasm/maps"
	"github.com/buurtkaart/buurtkaart/wasm/pins"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/buurtkaart/buurtkaart/wasm/atlas"
)

// sampleStore opens a fresh store and reads the sample map.
func sampleStore(t *testing.T) (*sql.DB, *atlas.Map, []byte) {
	t.Helper()
	db, err := openDB(context.Background(), filepath.Join(t.TempDir(), "s.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	m, data, err := loadMap("../../geodata/schilderswijk.geojson", os.Stderr)
	if err != nil {
		t.Fatal(err)
	}
	return db, m, data
}

// serve keeps its map in the store: revision 1 on a fresh store, the same
// revision while the file is unchanged, revision 2 once it changes; and
// GET /<slug>/api/map answers the latest with its revision as ETag.
func TestStoreMap(t *testing.T) {
	ctx := context.Background()
	db, m, data := sampleStore(t)
	for i, want := range []int{1, 1} {
		got, err := storeMap(ctx, db, "schilderswijk", m, data)
		if err != nil || got.Revision.N != want {
			t.Fatalf("start %d: revision %d, %v; want %d", i+1, got.Revision.N, err, want)
		}
	}
	changed := []byte(strings.Replace(string(data), "wat we hier hebben", "wat we samen hebben", 1))
	if got, err := storeMap(ctx, db, "schilderswijk", m, changed); err != nil || got.Revision.N != 2 {
		t.Fatalf("changed file: revision %d, %v; want 2", got.Revision.N, err)
	}
	h := deployment(db, site{out: t.TempDir()}, "schilderswijk", pins.Options{})
	w := httptest.NewRecorder()
	h.ServeHTTP(w, httptest.NewRequest("GET", "/schilderswijk/api/map", nil))
	if w.Code != 200 || w.Header().Get("ETag") != `"2"` || !strings.Contains(w.Body.String(), "wat we samen hebben") {
		t.Errorf("GET /schilderswijk/api/map: %d, ETag %s", w.Code, w.Header().Get("ETag"))
	}
	if hist, err := maps.NewStore(db).History(ctx, "schilderswijk"); err != nil || len(hist) != 2 || hist[0].Summary != "kaartbestand veranderd" {
		t.Errorf("history: %+v, %v", hist, err)
	}
}

// buurtkaart maps new, list, export and delete: a map file in, the same
// file out (the store keeps it byte for byte), and gone after delete.
func TestMapsCommand(t *testing.T) {
	dir := t.TempDir()
	db, out := filepath.Join(dir, "m.db"), filepath.Join(dir, "out.geojson")
	if err := mapsCmd([]string{"new", "--db", db, "--slug", "mini", "../../geodata/golden/mini.geojson"}); err != nil {
		t.Fatal(err)
	}
	if err := mapsCmd([]string{"new", "--db", db, "--slug", "api", "../../geodata/golden/mini.geojson"}); err == nil {
		t.Error("a reserved slug was taken")
	}
	if err := mapsCmd([]string{"export", "--db", db, "--slug", "mini", "-o", out}); err != nil {
		t.Fatal(err)
	}
	in, _ := os.ReadFile("../../geodata/golden/mini.geojson")
	if got, _ := os.ReadFile(out); string(got) != string(in) {
		t.Error("maps export gave back another file than maps new took")
	}
	if err := mapsCmd([]string{"delete", "--db", db, "--slug", "mini"}); err != nil {
		t.Fatal(err)
	}
	if err := mapsCmd([]string{"export", "--db", db, "--slug", "mini", "-o", out}); err == nil {
		t.Error("a deleted map was exported")
	}
}

// A map changed in the store is in serve's next page load, without a
// restart: the page at /<slug>/ and the default map's old paths alike.
func TestChangedMapInNextPageLoad(t *testing.T) {
	ctx := context.Background()
	db, m, data := sampleStore(t)
	if _, err := storeMap(ctx, db, "schilderswijk", m, data); err != nil {
		t.Fatal(err)
	}
	h := deployment(db, site{out: t.TempDir()}, "schilderswijk", pins.Options{})
	page := func(path string) string {
		w := httptest.NewRecorder()
		h.ServeHTTP(w, httptest.NewRequest("GET", path, nil))
		return w.Body.String()
	}
	if !strings.Contains(page("/schilderswijk/"), "<h1>Schilderswijk — wat we hier hebben</h1>") {
		t.Fatal("the first page does not show the map's title")
	}
	changed := strings.Replace(string(data), "wat we hier hebben", "wat we samen maken", 1)
	if _, err := storeMap(ctx, db, "schilderswijk", m, []byte(changed)); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{"/schilderswijk/", "/schilderswijk/embed", "/embed"} {
		if got := page(p); !strings.Contains(got, "wat we samen maken</title>") {
			t.Errorf("the next load of %s does not show the store's new revision", p)
		}
	}
}
