//go:build !js

package pins_test

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"fmt"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"testing"

	"github.com/buurtkaart/buurtkaart/wasm/pin"
	"github.com/buurtkaart/buurtkaart/wasm/pins"
)

// serveDB runs the Handler over the SQLite file at path, as `serve` does.
func serveDB(t *testing.T, db *sql.DB, opts pins.Options) string {
	t.Helper()
	opts.Rules = pin.Rules{Bounds: sampleBounds(t)}
	opts.Log = t.Logf
	srv := httptest.NewServer(pins.NewHandler(pins.NewStore(db, "schilderswijk"), opts))
	t.Cleanup(srv.Close)
	return srv.URL
}

// Item 13. The limiter's daily salt was stored next to the hashed keys, so
// the file alone let anyone try every IPv4 address against them. Now the
// salt derives from a secret outside the database: nothing in the file
// reproduces a key, the same secret (a restart) continues the same
// counters, and another secret starts afresh.
func TestLimitKeysNeedTheSecret(t *testing.T) {
	db := openSQLite(t, filepath.Join(t.TempDir(), "limits.db"))
	if _, err := pins.Migrate(context.Background(), db); err != nil {
		t.Fatal(err)
	}
	secret := []byte("a-secret-kept-in-the-environment")
	limits := pins.Limits{PerDevice: 3}
	base := serveDB(t, db, pins.Options{Secret: secret, Limits: limits})
	for i := 0; i < 2; i++ {
		post(t, base, pinJSON(uuid(), ""))
	}

	// Everything the file holds, tried as the salt the way keys were made.
	keys := map[string]bool{}
	rows, _ := db.Query(`SELECT key FROM rate_limits`)
	for rows.Next() {
		var k string
		rows.Scan(&k)
		keys[k] = true
	}
	rows.Close()
	if len(keys) == 0 {
		t.Fatal("no rate-limit keys stored")
	}
	var values []string
	rows, _ = db.Query(`SELECT value FROM secrets`)
	for rows.Next() {
		var v string
		rows.Scan(&v)
		values = append(values, v)
	}
	rows.Close()
	for _, v := range values {
		salt, _ := hex.DecodeString(v)
		for _, who := range []string{"addr:127.0.0.1", "anon:127.0.0.1", "device:" + device} {
			m := hmac.New(sha256.New, salt)
			fmt.Fprintf(m, "%s\x00%s", "schilderswijk", who)
			if keys[hex.EncodeToString(m.Sum(nil))[:32]] {
				t.Fatalf("the key of %q can be made from the database alone", who)
			}
		}
	}

	// A restart with the same secret continues the counters: the third
	// write is the last, the fourth is over.
	again := serveDB(t, db, pins.Options{Secret: secret, Limits: limits})
	post(t, again, pinJSON(uuid(), ""))
	expectProblem(t, do(t, "POST", again+"/api/pins", pinJSON(uuid(), "")), 429, "too_many")
	// Another secret: other keys, fresh counters.
	post(t, serveDB(t, db, pins.Options{Secret: []byte("another-secret-kept-elsewhere"), Limits: limits}), pinJSON(uuid(), ""))
}

func TestFromEnv(t *testing.T) {
	long := "0123456789abcdef0123456789abcdef"
	tests := []struct {
		name        string
		token, key  string
		err, warned bool
	}{
		{"both set", long, long + "x", false, false},
		{"secret derived from the token", long, "", false, true},
		{"neither: random, with a warning", "", "", false, true},
		{"short moderator token", "geheim", "", true, false},
		{"23 characters", long[:23], "", true, false},
		{"short limit secret", long, "kort", true, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			env := map[string]string{pins.EnvModeratorToken: tt.token, pins.EnvLimitSecret: tt.key}
			var o pins.Options
			warning, err := o.FromEnv(func(k string) string { return env[k] })
			if (err != nil) != tt.err || (warning != "") != tt.warned {
				t.Fatalf("err %v, warning %q", err, warning)
			}
			if err == nil && (o.ModeratorToken != tt.token || len(o.Secret) < 24) {
				t.Fatalf("options %+v", o)
			}
		})
	}
	var a, b pins.Options
	env := func(k string) string { return map[string]string{pins.EnvModeratorToken: long}[k] }
	a.FromEnv(env)
	b.FromEnv(env)
	if string(a.Secret) != string(b.Secret) || string(a.Secret) == long {
		t.Fatal("a secret derived from the moderator token must be stable across restarts, and not the token")
	}
}

// A page never holds more than MaxPage pins, and its cursor leads to the
// rest (exports and posters follow it with download.Pins).
func TestPageSize(t *testing.T) {
	db := openSQLite(t, filepath.Join(t.TempDir(), "many.db"))
	if _, err := pins.Migrate(context.Background(), db); err != nil {
		t.Fatal(err)
	}
	store := pins.NewStore(db, "schilderswijk")
	for i := 0; i < pins.MaxPage+1; i++ {
		p := pin.Pin{ID: uuid(), Lon: 4.3, Lat: 52.07, Kind: "plek", Status: pin.Visible, Created: "2026-11-23T10:00:00Z"}
		if _, err := store.Insert(context.Background(), p, ""); err != nil {
			t.Fatal(err)
		}
	}
	srv := httptest.NewServer(pins.NewHandler(store, pins.Options{}))
	t.Cleanup(srv.Close)
	first := getPage(t, srv.URL, "?limit=5000")
	if len(first.pins) != pins.MaxPage || first.next == "" {
		t.Fatalf("first page: %d pins, next %q", len(first.pins), first.next)
	}
	if rest := getPage(t, srv.URL, "?cursor="+url.QueryEscape(first.next)); len(rest.pins) != 1 || rest.next != "" {
		t.Fatalf("second page: %d pins, next %q", len(rest.pins), rest.next)
	}
}
