package maps

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
)

// Store keeps maps in an SQL database whose schema pins.Migrate (or
// wrangler) made.
type Store struct{ db *sql.DB }

// NewStore returns the map store over db.
func NewStore(db *sql.DB) *Store { return &Store{db: db} }

// Create stores a new map with its first revision. Two statements, each
// safe to repeat: a crash between them leaves a map without revisions,
// which Create fills on the next try and nothing serves meanwhile.
func (s *Store) Create(ctx context.Context, slug, boundary string, geojson []byte, who, at string) error {
	if !ValidSlug(slug) {
		return ErrSlug
	}
	res, err := s.db.ExecContext(ctx, `INSERT INTO maps (slug, boundary, created_at) VALUES (?, ?, ?) ON CONFLICT (slug) DO NOTHING`,
		slug, boundary, at)
	if err != nil {
		return fmt.Errorf("maps: create %s: %w", slug, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		if _, err := s.Current(ctx, slug); err == nil {
			return ErrExists
		}
	}
	_, err = s.Save(ctx, slug, 0, geojson, who, "nieuwe kaart", at)
	if err == ErrStale {
		return ErrExists
	}
	return err
}

// Save stores geojson as the revision after base, which must be the
// latest (0 for a map without revisions), and returns its number. One
// statement: it inserts only when base is still the latest, so of two
// keepers saving on the same base one gets ErrStale, never a silent loss.
func (s *Store) Save(ctx context.Context, slug string, base int, geojson []byte, who, summary, at string) (int, error) {
	res, err := s.db.ExecContext(ctx, `INSERT INTO map_revisions (slug, n, geojson, who, at, summary)
		SELECT ?, ? + 1, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM maps WHERE slug = ?)
		AND (SELECT coalesce(max(n), 0) FROM map_revisions WHERE slug = ?) = ?
		ON CONFLICT (slug, n) DO NOTHING`,
		slug, base, string(geojson), who, at, summary, slug, slug, base)
	if err != nil {
		return 0, fmt.Errorf("maps: save %s: %w", slug, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		if _, err := s.head(ctx, slug); err != nil {
			return 0, err
		}
		return 0, ErrStale
	}
	return base + 1, nil
}

// Current returns the latest revision of a map.
func (s *Store) Current(ctx context.Context, slug string) (Map, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT m.boundary, m.created_at, r.n, r.who, r.at, r.summary, r.geojson
		FROM maps m JOIN map_revisions r ON r.slug = m.slug WHERE m.slug = ? ORDER BY r.n DESC LIMIT 1`, slug)
	if err != nil {
		return Map{}, fmt.Errorf("maps: %s: %w", slug, err)
	}
	defer rows.Close()
	if !rows.Next() {
		if err := rows.Err(); err != nil {
			return Map{}, fmt.Errorf("maps: %s: %w", slug, err)
		}
		return Map{}, ErrNotFound
	}
	m := Map{Slug: slug}
	var data string
	if err := rows.Scan(&m.Boundary, &m.Created, &m.Revision.N, &m.Revision.Who, &m.Revision.At, &m.Revision.Summary, &data); err != nil {
		return Map{}, fmt.Errorf("maps: %s: %w", slug, err)
	}
	m.GeoJSON = []byte(data)
	return m, nil
}

// Latest returns the latest revision number of a map (0: none yet), or
// ErrNotFound: one small query, for a host checking whether what it shows
// is still current.
func (s *Store) Latest(ctx context.Context, slug string) (int, error) { return s.head(ctx, slug) }

// head returns the latest revision number of a map (0: none yet), or
// ErrNotFound when there is no such map.
func (s *Store) head(ctx context.Context, slug string) (int, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT (SELECT coalesce(max(n), 0) FROM map_revisions WHERE slug = m.slug) FROM maps m WHERE m.slug = ?`, slug)
	if err != nil {
		return 0, fmt.Errorf("maps: %s: %w", slug, err)
	}
	defer rows.Close()
	if !rows.Next() {
		return 0, ErrNotFound
	}
	var n int
	err = rows.Scan(&n)
	return n, err
}

// History lists a map's revisions, newest first.
func (s *Store) History(ctx context.Context, slug string) ([]Revision, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT n, who, at, summary FROM map_revisions WHERE slug = ? ORDER BY n DESC`, slug)
	if err != nil {
		return nil, fmt.Errorf("maps: %s: %w", slug, err)
	}
	defer rows.Close()
	var out []Revision
	for rows.Next() {
		var r Revision
		if err := rows.Scan(&r.N, &r.Who, &r.At, &r.Summary); err != nil {
			return nil, fmt.Errorf("maps: %s: %w", slug, err)
		}
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if len(out) == 0 {
		if _, err := s.head(ctx, slug); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// Revision returns the map file of one revision.
func (s *Store) Revision(ctx context.Context, slug string, n int) ([]byte, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT geojson FROM map_revisions WHERE slug = ? AND n = ?`, slug, n)
	if err != nil {
		return nil, fmt.Errorf("maps: %s: %w", slug, err)
	}
	defer rows.Close()
	if !rows.Next() {
		return nil, ErrNotFound
	}
	var data string
	err = rows.Scan(&data)
	return []byte(data), err
}

// List returns every map with its title (from its latest revision), by slug.
func (s *Store) List(ctx context.Context) ([]Summary, error) {
	// The titles are read in the database (SQLite's and D1's JSON
	// functions): a city's map file is megabytes, its title a few words.
	rows, err := s.db.QueryContext(ctx, `SELECT r.slug, r.n,
		coalesce(json_extract(r.geojson, '$.title'), ''), coalesce(json_extract(r.geojson, '$.buurt'), '')
		FROM map_revisions r
		WHERE r.n = (SELECT max(n) FROM map_revisions WHERE slug = r.slug) ORDER BY r.slug`)
	if err != nil {
		return nil, fmt.Errorf("maps: list: %w", err)
	}
	defer rows.Close()
	var out []Summary
	for rows.Next() {
		var m Summary
		var title, buurt string
		if err := rows.Scan(&m.Slug, &m.Revision, &title, &buurt); err != nil {
			return nil, fmt.Errorf("maps: list: %w", err)
		}
		m.Title = firstTitle(m.Slug, title, buurt)
		out = append(out, m)
	}
	return out, rows.Err()
}

// Head is a map's latest revision and when the map was started: what a
// host's copies of its pages are keyed by (a deleted map's slug may be
// used again, and its revisions start at 1 again).
func (s *Store) Head(ctx context.Context, slug string) (n int, created string, err error) {
	err = s.db.QueryRowContext(ctx, `SELECT coalesce(max(r.n), 0), m.created_at FROM maps m
		LEFT JOIN map_revisions r ON r.slug = m.slug WHERE m.slug = ? GROUP BY m.slug`, slug).Scan(&n, &created)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return 0, "", ErrNotFound
	case err != nil:
		return 0, "", fmt.Errorf("maps: %s: %w", slug, err)
	}
	return n, created, nil
}

// Slugs lists the store's maps by slug, at most limit of them: cheaper
// than List, which reads every map's title.
func (s *Store) Slugs(ctx context.Context, limit int) ([]string, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT slug FROM maps ORDER BY slug LIMIT ?`, limit)
	if err != nil {
		return nil, fmt.Errorf("maps: slugs: %w", err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var slug string
		if err := rows.Scan(&slug); err != nil {
			return nil, fmt.Errorf("maps: slugs: %w", err)
		}
		out = append(out, slug)
	}
	return out, rows.Err()
}

// Started counts the maps whose first revision who saved at or after
// since (RFC 3339): how many maps one keeper started lately.
func (s *Store) Started(ctx context.Context, who, since string) (int, error) {
	var n int
	err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM map_revisions WHERE n = 1 AND who = ? AND at >= ?`, who, since).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("maps: started: %w", err)
	}
	return n, nil
}

// Delete removes a map and its revisions (its pins stay in their table,
// keyed by slug, for a keeper to export or erase).
func (s *Store) Delete(ctx context.Context, slug string) error {
	if _, err := s.db.ExecContext(ctx, `DELETE FROM map_revisions WHERE slug = ?`, slug); err != nil {
		return fmt.Errorf("maps: delete %s: %w", slug, err)
	}
	res, err := s.db.ExecContext(ctx, `DELETE FROM maps WHERE slug = ?`, slug)
	if err != nil {
		return fmt.Errorf("maps: delete %s: %w", slug, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return ErrNotFound
	}
	return nil
}

// firstTitle is the first of titles that is not blank, else fallback.
func firstTitle(fallback string, titles ...string) string {
	for _, t := range titles {
		if t = strings.TrimSpace(t); t != "" {
			return t
		}
	}
	return fallback
}
