package pins

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/buurtkaart/buurtkaart/wasm/kind"
	"github.com/buurtkaart/buurtkaart/wasm/pin"
)

// Store keeps pins in an SQL database: SQLite natively, D1 at the edge.
type Store struct{ db *sql.DB }

// NewStore returns a store over db, whose schema Migrate (or wrangler) made.
func NewStore(db *sql.DB) *Store { return &Store{db: db} }

// ErrNotFound is returned by Get for an unknown id.
var ErrNotFound = errors.New("pins: not found")

const columns = `id, lon, lat, kind, note, created_at`

// Put stores p unless a pin with its id exists, and returns the stored pin.
// The insert is one statement, so a retry, a concurrent duplicate or a crash
// can never leave two rows or half a row. created is true when this call
// wrote the row.
func (s *Store) Put(ctx context.Context, p pin.Pin) (stored pin.Pin, created bool, err error) {
	res, err := s.db.ExecContext(ctx, `INSERT INTO pins (`+columns+`) VALUES (?, ?, ?, ?, ?, ?)
		ON CONFLICT (id) DO NOTHING`, p.ID, p.Lon, p.Lat, string(p.Kind), p.Note, p.Created)
	if err != nil {
		return pin.Pin{}, false, fmt.Errorf("pins: insert: %w", err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return pin.Pin{}, false, fmt.Errorf("pins: insert: %w", err)
	}
	stored, err = s.Get(ctx, p.ID)
	return stored, n == 1, err
}

// Get returns the pin with the given id, or ErrNotFound.
func (s *Store) Get(ctx context.Context, id string) (pin.Pin, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+columns+` FROM pins WHERE id = ?`, id)
	if err != nil {
		return pin.Pin{}, fmt.Errorf("pins: get: %w", err)
	}
	ps, err := scan(rows)
	if err != nil {
		return pin.Pin{}, err
	}
	if len(ps) == 0 {
		return pin.Pin{}, ErrNotFound
	}
	return ps[0], nil
}

// List returns all pins, oldest first.
func (s *Store) List(ctx context.Context) ([]pin.Pin, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+columns+` FROM pins ORDER BY created_at, id`)
	if err != nil {
		return nil, fmt.Errorf("pins: list: %w", err)
	}
	return scan(rows)
}

// scan reads pins from rows and closes them. It uses Query, not QueryRow,
// for single rows too: the D1 driver reports no columns for an empty result.
func scan(rows *sql.Rows) ([]pin.Pin, error) {
	defer rows.Close()
	var out []pin.Pin
	for rows.Next() {
		var p pin.Pin
		var k string
		if err := rows.Scan(&p.ID, &p.Lon, &p.Lat, &k, &p.Note, &p.Created); err != nil {
			return nil, fmt.Errorf("pins: scan: %w", err)
		}
		p.Kind = kind.Kind(k)
		out = append(out, p)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("pins: scan: %w", err)
	}
	return out, nil
}
