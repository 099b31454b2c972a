package main

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"

	"github.com/buurtkaart/buurtkaart/wasm/pins"
	_ "modernc.org/sqlite" // pure-Go SQLite: no cgo, one static binary
)

// openDB opens (creating if needed) the pins database file and brings its
// schema up to date. WAL lets the map be read while a pin is written; the
// busy timeout waits out a short lock instead of failing a resident's pin.
func openDB(ctx context.Context, path string) (*sql.DB, error) {
	q := url.Values{}
	q.Add("_pragma", "journal_mode(WAL)")
	q.Add("_pragma", "busy_timeout(5000)")
	q.Add("_pragma", "synchronous(NORMAL)")
	db, err := sql.Open("sqlite", "file:"+path+"?"+q.Encode())
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if _, err := pins.Migrate(ctx, db); err != nil {
		db.Close()
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return db, nil
}
