//go:build !js

package pins_test

import (
	"context"
	"database/sql"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	"github.com/buurtkaart/buurtkaart/wasm/pins"
)

func openSQLite(t *testing.T, path string) *sql.DB {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path+"?_pragma=journal_mode(WAL)&_pragma=busy_timeout(200)")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func TestMigrateIsIdempotent(t *testing.T) {
	db := openSQLite(t, filepath.Join(t.TempDir(), "m.db"))
	first, err := pins.Migrate(context.Background(), db)
	if err != nil || len(first) == 0 {
		t.Fatalf("first run applied %v, %v", first, err)
	}
	again, err := pins.Migrate(context.Background(), db)
	if err != nil || len(again) != 0 {
		t.Fatalf("second run applied %v, %v; want nothing", again, err)
	}
}

// A locked database (another process writing) gets a clear 503 after the
// busy timeout, and the pin is not half stored: once the lock is gone the
// retry stores it exactly once.
func TestLockedDatabase(t *testing.T) {
	path := filepath.Join(t.TempDir(), "lock.db")
	db := openSQLite(t, path)
	if _, err := pins.Migrate(context.Background(), db); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(pins.NewHandler(pins.NewStore(db), pins.Options{Log: t.Logf}))
	defer srv.Close()

	other := openSQLite(t, path)
	conn, err := other.Conn(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := conn.ExecContext(context.Background(), "BEGIN IMMEDIATE"); err != nil {
		t.Fatal(err)
	}
	id := uuid()
	body := pinJSON(id, `,"note":"op slot"`)
	expectProblem(t, do(t, "POST", srv.URL+"/api/pins", body), 503, "storage_unavailable")
	conn.ExecContext(context.Background(), "ROLLBACK")
	conn.Close()

	if r := do(t, "POST", srv.URL+"/api/pins", body); r.status != 201 || !strings.Contains(string(r.body), id) {
		t.Fatalf("retry: %d %s", r.status, r.body)
	}
	if n := countInList(t, srv.URL, id); n != 1 {
		t.Fatalf("stored %d times", n)
	}
}
