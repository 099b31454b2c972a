package pins

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/buurtkaart/buurtkaart/wasm/kind"
	"github.com/buurtkaart/buurtkaart/wasm/pin"
)

// Store keeps the pins of one map in an SQL database: SQLite natively, D1 at
// the edge. Several maps can share a database; each Store sees its own.
type Store struct {
	db     *sql.DB
	mapKey string
}

// NewStore returns the store of map mapKey over db, whose schema Migrate
// (or wrangler) made. mapKey may be empty for a one-map database.
func NewStore(db *sql.DB, mapKey string) *Store { return &Store{db: db, mapKey: mapKey} }

// ErrNotFound is returned for an id the map does not have.
var ErrNotFound = errors.New("pins: not found")

// Stored is a pin with what only the server and moderators see.
type Stored struct {
	pin.Pin
	Reports    int    `json:"reports"`
	Reasons    string `json:"report_reasons,omitempty"` // the reports' reason codes, comma-separated, oldest first
	DeleteHash string `json:"-"`
	// HiddenReason is why a keeper hid the pin: its maker sees it.
	HiddenReason string `json:"hidden_reason,omitempty"`
	// Place is the feature id of the place the pin became (status Promoted).
	Place string `json:"place,omitempty"`
}

// Promoted is the status of a pin a keeper made into a place of the map
// (wasm/keepers): stored as 'hidden' with the place's id in promoted, so
// it is in no list, export or queue, and the map never shows it twice.
const Promoted pin.Status = "promoted"

// columns are those Insert writes; selected adds what only moderation sets.
const (
	columns  = `id, lon, lat, kind, name, note, author, show_author, status, created_at, reports, report_reasons, delete_hash`
	selected = columns + `, hidden_reason, promoted`
)

// Insert stores p unless a pin with its id exists, and returns the stored
// pin. The insert is one statement, so a retry, a concurrent duplicate or a
// crash can never leave two rows or half a row; RETURNING saves a second
// round trip to the database in the common case.
func (s *Store) Insert(ctx context.Context, p pin.Pin, deleteHash string) (Stored, error) {
	ps, err := s.query(ctx, `INSERT INTO pins (map, cell, updated_at, `+columns+`)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, '', ?) ON CONFLICT (id) DO NOTHING RETURNING `+selected,
		s.mapKey, cell(p.Lon, p.Lat), p.Created, p.ID, p.Lon, p.Lat, string(p.Kind), p.Name, p.Note,
		p.Author, boolInt(p.ShowAuthor), string(p.Status), p.Created, deleteHash)
	if err != nil {
		return Stored{}, err
	}
	if len(ps) == 1 {
		return ps[0], nil
	}
	return s.Get(ctx, p.ID) // a concurrent request with the same id won
}

// Get returns the pin with the given id, whatever its status, or ErrNotFound.
func (s *Store) Get(ctx context.Context, id string) (Stored, error) {
	ps, err := s.query(ctx, `SELECT `+selected+` FROM pins WHERE id = ? AND map = ?`, id, s.mapKey)
	if err != nil {
		return Stored{}, err
	}
	if len(ps) == 0 {
		return Stored{}, ErrNotFound
	}
	return ps[0], nil
}

// Query selects visible pins.
type Query struct {
	BBox  *[4]float64 // west, south, east, north; nil for the whole map
	Since string      // RFC 3339; only pins created after it
	After *[2]string  // created, id: only pins after this one in the order; nil from the first
	Limit int         // at most this many; 0 for all
}

// maxCellRows bounds the per-row cell ranges of a bbox query: two bound
// parameters each, well inside D1's 100 per statement.
const maxCellRows = 40

// List returns the visible pins matching q, oldest first (by created, then
// id: the order a cursor continues).
func (s *Store) List(ctx context.Context, q Query) ([]pin.Pin, error) {
	where := []string{"map = ?", "status = 'visible'"}
	args := []any{s.mapKey}
	if b := q.BBox; b != nil {
		if ranges, ok := cellRanges(b[0], b[1], b[2], b[3], maxCellRows); ok {
			var or []string
			for _, r := range ranges {
				or = append(or, "cell BETWEEN ? AND ?")
				args = append(args, r[0], r[1])
			}
			where = append(where, "("+strings.Join(or, " OR ")+")")
		}
		where = append(where, "lon BETWEEN ? AND ?", "lat BETWEEN ? AND ?")
		args = append(args, b[0], b[2], b[1], b[3])
	}
	if q.Since != "" {
		where = append(where, "created_at > ?")
		args = append(args, q.Since)
	}
	if a := q.After; a != nil {
		where = append(where, "(created_at > ? OR (created_at = ? AND id > ?))")
		args = append(args, a[0], a[0], a[1])
	}
	limit := ""
	if q.Limit > 0 {
		limit = " LIMIT ?"
		args = append(args, q.Limit)
	}
	rows, err := s.query(ctx, `SELECT `+selected+` FROM pins WHERE `+strings.Join(where, " AND ")+` ORDER BY created_at, id`+limit, args...)
	if err != nil {
		return nil, err
	}
	out := make([]pin.Pin, len(rows))
	for i, r := range rows {
		out[i] = r.Pin
	}
	return out, nil
}

// Queue returns what a moderator should look at: pending and reported pins.
func (s *Store) Queue(ctx context.Context) ([]Stored, error) {
	return s.query(ctx, `SELECT `+selected+` FROM pins WHERE map = ? AND (status = 'pending' OR (status = 'visible' AND reports > 0))
		ORDER BY created_at, id`, s.mapKey)
}

// SetStatus moves a pin in moderation; approving or restoring also clears
// its reports and hidden reason. A promoted pin stays a place: it returns
// ErrNotFound for it, as for an unknown id.
func (s *Store) SetStatus(ctx context.Context, id string, st pin.Status, now string) error {
	return s.exec1(ctx, `UPDATE pins SET status = ?, reports = CASE WHEN ? = 'visible' THEN 0 ELSE reports END,
		hidden_reason = CASE WHEN ? = 'visible' THEN '' ELSE hidden_reason END, updated_at = ?
		WHERE id = ? AND map = ? AND promoted = ''`, string(st), string(st), string(st), now, id, s.mapKey)
}

// Hide takes a pin off the map with the reason its maker is shown.
func (s *Store) Hide(ctx context.Context, id, reason, now string) error {
	return s.exec1(ctx, `UPDATE pins SET status = 'hidden', hidden_reason = ?, updated_at = ?
		WHERE id = ? AND map = ? AND promoted = ''`, reason, now, id, s.mapKey)
}

// Promote marks a pin as the place with feature id place, if its status is
// still from (compare and set: two keepers promoting at once, one wins).
// It returns ErrNotFound when the pin is gone or changed meanwhile.
func (s *Store) Promote(ctx context.Context, id string, from pin.Status, place, now string) error {
	return s.exec1(ctx, `UPDATE pins SET status = 'hidden', promoted = ?, updated_at = ?
		WHERE id = ? AND map = ? AND status = ? AND promoted = ''`, place, now, id, s.mapKey, string(from))
}

// Unpromote undoes Promote when the map's new revision could not be saved,
// giving the pin back its status before.
func (s *Store) Unpromote(ctx context.Context, id string, to pin.Status, place, now string) error {
	return s.exec1(ctx, `UPDATE pins SET status = ?, promoted = '', updated_at = ?
		WHERE id = ? AND map = ? AND promoted = ?`, string(to), now, id, s.mapKey, place)
}

// Promoted lists the pins of this map that became places: pin id →
// the place's feature id.
func (s *Store) Promoted(ctx context.Context) (map[string]string, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, promoted FROM pins WHERE map = ? AND promoted != ''`, s.mapKey)
	if err != nil {
		return nil, fmt.Errorf("pins: promoted: %w", err)
	}
	defer rows.Close()
	out := map[string]string{}
	for rows.Next() {
		var id, place string
		if err := rows.Scan(&id, &place); err != nil {
			return nil, fmt.Errorf("pins: promoted: %w", err)
		}
		out[id] = place
	}
	return out, rows.Err()
}

// Report counts one report against a pin that is on (or waiting for) the
// map, with its reason (one of ReportReasons, or empty). Reasons stop being
// added once maxReasons characters are kept: the count goes on.
func (s *Store) Report(ctx context.Context, id, reason string) error {
	return s.exec1(ctx, `UPDATE pins SET reports = reports + 1,
		report_reasons = CASE WHEN ? = '' OR length(report_reasons) > ? THEN report_reasons
			WHEN report_reasons = '' THEN ? ELSE report_reasons || ',' || ? END
		WHERE id = ? AND map = ? AND status != 'hidden'`, reason, maxReasons, reason, reason, id, s.mapKey)
}

// maxReasons bounds the reasons kept per pin (about 30 codes).
const maxReasons = 300

// Delete erases a pin for good, if deleteHash is its hash (or matchAny is
// set, for a moderator). ErrNotFound covers both a wrong hash and no pin:
// the handler tells them apart first.
func (s *Store) Delete(ctx context.Context, id, deleteHash string, matchAny bool) error {
	return s.exec1(ctx, `DELETE FROM pins WHERE id = ? AND map = ? AND (? OR delete_hash = ?)`, id, s.mapKey, boolInt(matchAny), deleteHash)
}

// exec1 runs a statement that must change exactly one row.
func (s *Store) exec1(ctx context.Context, q string, args ...any) error {
	res, err := s.db.ExecContext(ctx, q, args...)
	if err != nil {
		return fmt.Errorf("pins: %w", err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return fmt.Errorf("pins: %w", err)
	}
	if n == 0 {
		return ErrNotFound
	}
	return nil
}

// query runs a select of columns. It uses Query, not QueryRow, for single
// rows too: the D1 driver reports no columns for an empty result.
func (s *Store) query(ctx context.Context, q string, args ...any) ([]Stored, error) {
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("pins: query: %w", err)
	}
	defer rows.Close()
	var out []Stored
	for rows.Next() {
		var p Stored
		var k, st string
		var show int64
		if err := rows.Scan(&p.ID, &p.Lon, &p.Lat, &k, &p.Name, &p.Note, &p.Author, &show, &st, &p.Created, &p.Reports, &p.Reasons, &p.DeleteHash,
			&p.HiddenReason, &p.Place); err != nil {
			return nil, fmt.Errorf("pins: scan: %w", err)
		}
		p.Kind, p.Status, p.ShowAuthor = kind.Kind(k), pin.Status(st), show != 0
		if p.Place != "" {
			p.Status = Promoted
		}
		out = append(out, p)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("pins: scan: %w", err)
	}
	return out, nil
}

func boolInt(b bool) int64 {
	if b {
		return 1
	}
	return 0
}
