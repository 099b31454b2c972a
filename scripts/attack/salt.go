package main

import (
	"crypto/hmac"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"fmt"
	"time"

	_ "modernc.org/sqlite"
)

// saltInFile (item 13): the rate limiter's daily salt was stored in the
// same database as the keys it salts, so the file alone told which
// address a key belonged to (2^32 HMACs enumerate IPv4). The replay tries
// what an attacker with a copy of the file would: every secret in it, as
// the salt of today's key for this run's own address, under the key
// derivations the store has used.
func saltInFile(t *target) result {
	if t.dbPath == "" {
		return na("pass -db with serve's --db file (or the local D1 file) to replay")
	}
	db, err := sql.Open("sqlite", "file:"+t.dbPath+"?mode=ro&_pragma=busy_timeout(5000)")
	if err != nil {
		return na("cannot open -db: %v", err)
	}
	defer db.Close()
	keys, err := column(db, `SELECT key FROM rate_limits`)
	if err != nil {
		return na("cannot read rate_limits: %v", err)
	}
	secrets, err := column(db, `SELECT value FROM secrets`)
	if err != nil {
		return na("cannot read secrets: %v", err)
	}
	if len(keys) == 0 {
		return na("no rate-limit counters in the file yet")
	}
	stored := map[string]bool{}
	for _, k := range keys {
		stored[k] = true
	}
	day := time.Now().UTC().Format("2006-01-02")
	for _, s := range secrets {
		secret, err := hex.DecodeString(s)
		if err != nil {
			secret = []byte(s)
		}
		for _, addr := range []string{t.source.String(), "127.0.0.1", "::1", "::/64"} {
			for _, who := range []string{"addr:" + addr, "anon:" + addr} {
				if k := limitKey(secret, t.mapKey, who); stored[k] {
					return broken("%s recovered from the file alone: %s keyed with a stored secret", addr, who)
				}
				if k := limitKey(mac(secret, "salt\x00"+day), t.mapKey, who); stored[k] {
					return broken("%s recovered from the file alone: the day's salt derives from a stored secret", addr)
				}
			}
		}
	}
	return held("%d counter keys, none reversible with the file's %d secrets", len(keys), len(secrets))
}

// limitKey is the stored name of a rate-limit counter (wasm/pins/limit.go).
func limitKey(salt []byte, mapKey, who string) string {
	return hex.EncodeToString(mac(salt, fmt.Sprintf("%s\x00%s", mapKey, who)))[:32]
}

func mac(key []byte, msg string) []byte {
	m := hmac.New(sha256.New, key)
	m.Write([]byte(msg))
	return m.Sum(nil)
}

func column(db *sql.DB, q string) ([]string, error) {
	rows, err := db.Query(q)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, rows.Err()
}
