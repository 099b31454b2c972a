package keepers

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// Store keeps the keepers of every map in an SQL database whose schema
// pins.Migrate (or wrangler) made.
type Store struct{ db *sql.DB }

// NewStore returns the keepers store over db.
func NewStore(db *sql.DB) *Store { return &Store{db: db} }

// CodeTTL is how long a sign-in link works: 14 days.
const CodeTTL = 14 * 24 * time.Hour

// Add makes a keeper of map slug and returns it with its one-time sign-in
// code (valid until expires). Two statements, each harmless alone: a crash
// between them leaves a keeper without a code, whom a keeper can remove.
func (s *Store) Add(ctx context.Context, slug, name, addedBy string, now time.Time) (Keeper, string, error) {
	name, err := cleanName(name)
	if err != nil {
		return Keeper{}, "", err
	}
	at := stamp(now)
	k := Keeper{ID: newID(), Name: name, Map: slug, AddedAt: at, AddedBy: addedBy}
	if _, err := s.db.ExecContext(ctx, `INSERT INTO keepers (id, map, name, added_at, added_by) VALUES (?, ?, ?, ?, ?)`,
		k.ID, slug, name, at, addedBy); err != nil {
		return Keeper{}, "", fmt.Errorf("keepers: add: %w", err)
	}
	code := newSecret()
	if _, err := s.db.ExecContext(ctx, `INSERT INTO keeper_keys (hash, keeper, map, kind, expires, created_at) VALUES (?, ?, ?, 'code', ?, ?)`,
		hash(code), k.ID, slug, stamp(now.Add(CodeTTL)), at); err != nil {
		return Keeper{}, "", fmt.Errorf("keepers: add: %w", err)
	}
	return k, code, nil
}

// SignIn trades a sign-in code of map slug for a new token. One statement:
// the code's row becomes the token's row, so a code works once, however
// many tries race. ErrNotFound for a used, expired, wrong or other map's
// code, or a revoked keeper.
func (s *Store) SignIn(ctx context.Context, slug, code string, now time.Time) (Keeper, string, error) {
	token := newSecret()
	at := stamp(now)
	ids, err := s.strings(ctx, `UPDATE keeper_keys SET hash = ?, kind = 'token', expires = '', created_at = ?
		WHERE hash = ? AND kind = 'code' AND map = ? AND expires > ?
		AND keeper IN (SELECT id FROM keepers WHERE revoked_at = '') RETURNING keeper`,
		hash(token), at, hash(code), slug, at)
	if err != nil {
		return Keeper{}, "", err
	}
	if len(ids) == 0 {
		return Keeper{}, "", ErrNotFound
	}
	k, err := s.Auth(ctx, slug, token)
	return k, token, err
}

// Auth returns the keeper of map slug whose token this is, else another
// map's keeper with it (revoked ones too: the caller refuses them and
// other maps'), or ErrNotFound.
func (s *Store) Auth(ctx context.Context, slug, token string) (Keeper, error) {
	ks, err := s.keepers(ctx, `SELECT k.id, k.name, k.map, k.added_at, k.added_by, k.revoked_at FROM keeper_keys t
		JOIN keepers k ON k.id = t.keeper WHERE t.hash = ? AND t.kind = 'token'
		ORDER BY k.map = ? DESC, k.revoked_at = '' DESC LIMIT 1`, hash(token), slug)
	if err != nil {
		return Keeper{}, err
	}
	if len(ks) == 0 {
		return Keeper{}, ErrNotFound
	}
	return ks[0], nil
}

// List returns a map's keepers, revoked ones too, oldest first.
func (s *Store) List(ctx context.Context, slug string) ([]Keeper, error) {
	return s.keepers(ctx, `SELECT id, name, map, added_at, added_by, revoked_at FROM keepers WHERE map = ? ORDER BY added_at, id`, slug)
}

// Revoke ends a keeper's right to keep map slug: their tokens and codes
// stop working. Unless last is allowed (the CLI, for the operator), the
// last keeper who is not revoked stays: ErrLast. One statement, so two
// keepers removing each other at once cannot leave the map without one.
func (s *Store) Revoke(ctx context.Context, slug, id string, last bool, now time.Time) error {
	res, err := s.db.ExecContext(ctx, `UPDATE keepers SET revoked_at = ? WHERE id = ? AND map = ? AND revoked_at = ''
		AND (? OR (SELECT count(*) FROM keepers WHERE map = ? AND revoked_at = '') > 1)`, stamp(now), id, slug, boolInt(last), slug)
	if err != nil {
		return fmt.Errorf("keepers: revoke: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 1 {
		return nil
	}
	ks, err := s.keepers(ctx, `SELECT id, name, map, added_at, added_by, revoked_at FROM keepers WHERE id = ? AND map = ? AND revoked_at = ''`, id, slug)
	if err == nil && len(ks) == 1 {
		return ErrLast
	}
	if err == nil {
		err = ErrNotFound
	}
	return err
}

// Record adds an action to map slug's log under keeper k's name.
func (s *Store) Record(ctx context.Context, slug string, k Keeper, action, detail string, now time.Time) error {
	_, err := s.db.ExecContext(ctx, `INSERT INTO keeper_log (map, at, keeper_id, keeper, action, detail) VALUES (?, ?, ?, ?, ?, ?)`,
		slug, stamp(now), k.ID, k.Name, action, detail)
	if err != nil {
		return fmt.Errorf("keepers: log: %w", err)
	}
	return nil
}

// Log returns map slug's log, newest first, at most limit entries.
func (s *Store) Log(ctx context.Context, slug string, limit int) ([]Entry, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT at, keeper, action, detail FROM keeper_log WHERE map = ? ORDER BY at DESC, rowid DESC LIMIT ?`, slug, limit)
	if err != nil {
		return nil, fmt.Errorf("keepers: log: %w", err)
	}
	defer rows.Close()
	out := []Entry{}
	for rows.Next() {
		var e Entry
		if err := rows.Scan(&e.At, &e.Keeper, &e.Action, &e.Detail); err != nil {
			return nil, fmt.Errorf("keepers: log: %w", err)
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

func (s *Store) keepers(ctx context.Context, q string, args ...any) ([]Keeper, error) {
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("keepers: %w", err)
	}
	defer rows.Close()
	out := []Keeper{}
	for rows.Next() {
		var k Keeper
		var revoked string
		if err := rows.Scan(&k.ID, &k.Name, &k.Map, &k.AddedAt, &k.AddedBy, &revoked); err != nil {
			return nil, fmt.Errorf("keepers: %w", err)
		}
		k.Revoked = revoked != ""
		out = append(out, k)
	}
	return out, rows.Err()
}

// strings runs a query of one text column (Query, not QueryRow: the D1
// driver reports no columns for an empty result).
func (s *Store) strings(ctx context.Context, q string, args ...any) ([]string, error) {
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("keepers: %w", err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var v string
		if err := rows.Scan(&v); err != nil {
			return nil, fmt.Errorf("keepers: %w", err)
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

// Forget removes a map's keepers, their keys and their log: a deleted
// map's keepers have no rights on a map started later at its address.
// One statement a table (D1 has no transactions); keys go first, so a
// keeper without a key is never left able to sign in.
func (s *Store) Forget(ctx context.Context, slug string) error {
	for _, q := range []string{`DELETE FROM keeper_keys WHERE map = ?`, `DELETE FROM keepers WHERE map = ?`, `DELETE FROM keeper_log WHERE map = ?`} {
		if _, err := s.db.ExecContext(ctx, q, slug); err != nil {
			return fmt.Errorf("keepers: forget %s: %w", slug, err)
		}
	}
	return nil
}

func boolInt(b bool) int64 {
	if b {
		return 1
	}
	return 0
}

func stamp(t time.Time) string { return t.UTC().Format(time.RFC3339) }
