//go:build !js

package pins_test

import (
	"context"
	"database/sql"
	"fmt"
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
	srv := httptest.NewServer(pins.NewHandler(pins.NewStore(db, "test"), pins.Options{Log: t.Logf}))
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

// A full disk (here: SQLite's page limit reached) gets a clear 503 and
// never a half-stored pin: every pin either is there whole or not at all.
func TestFullDatabase(t *testing.T) {
	path := filepath.Join(t.TempDir(), "full.db")
	db := openSQLite(t, path)
	if _, err := pins.Migrate(context.Background(), db); err != nil {
		t.Fatal(err)
	}
	db.SetMaxOpenConns(1) // the page limit is per connection
	var pages int
	db.QueryRow("PRAGMA page_count").Scan(&pages)
	if _, err := db.Exec(fmt.Sprintf("PRAGMA max_page_count = %d", pages+2)); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(pins.NewHandler(pins.NewStore(db, "test"), pins.Options{Log: t.Logf}))
	defer srv.Close()
	note := strings.Repeat("lang verhaal ", 70)
	var stored, full int
	for i := 0; i < 200 && full == 0; i++ {
		id := uuid()
		r := do(t, "POST", srv.URL+"/api/pins", pinJSON(id, `,"note":"`+note+`"`))
		switch r.status {
		case 201:
			stored++
		case 503:
			expectProblem(t, r, 503, "storage_unavailable")
			if got := do(t, "GET", srv.URL+"/api/pins/"+id, ""); got.status != 404 {
				t.Fatalf("refused pin readable: %d %s", got.status, got.body)
			}
			full++
		default:
			t.Fatalf("POST: %d %s", r.status, r.body)
		}
	}
	if full == 0 {
		t.Fatal("the database never filled up")
	}
	var rows int
	db.QueryRow("SELECT count(*) FROM pins").Scan(&rows)
	if rows != stored {
		t.Fatalf("%d pins acknowledged, %d rows", stored, rows)
	}
	t.Logf("%d pins stored before the database was full", stored)
}
