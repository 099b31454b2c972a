package pins

import (
	"context"
	"database/sql"
	"fmt"
	"io/fs"
	"sort"
)

// migrationsTable is wrangler's own bookkeeping table, so that one database
// file can be moved between `serve` and `wrangler d1` without re-applying.
const migrationsTable = `CREATE TABLE IF NOT EXISTS d1_migrations(
	id         INTEGER PRIMARY KEY AUTOINCREMENT,
	name       TEXT UNIQUE,
	applied_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP NOT NULL
)`

// Migrate applies the migration files not yet recorded in db, in name order,
// each in its own transaction with its record, so a crash leaves either the
// whole migration or none of it. It returns the names it applied.
//
// Only the native host calls this: D1 has no transactions, and at the edge
// wrangler applies the same files.
func Migrate(ctx context.Context, db *sql.DB) ([]string, error) {
	if _, err := db.ExecContext(ctx, migrationsTable); err != nil {
		return nil, fmt.Errorf("pins: migrations table: %w", err)
	}
	names, err := fs.Glob(Migrations, "migrations/*.sql")
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	var applied []string
	for _, path := range names {
		name := path[len("migrations/"):]
		done, err := migrate(ctx, db, name, path)
		if err != nil {
			return applied, fmt.Errorf("pins: migration %s: %w", name, err)
		}
		if done {
			applied = append(applied, name)
		}
	}
	return applied, nil
}

func migrate(ctx context.Context, db *sql.DB, name, path string) (applied bool, err error) {
	src, err := Migrations.ReadFile(path)
	if err != nil {
		return false, err
	}
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return false, err
	}
	defer tx.Rollback()
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM d1_migrations WHERE name = ?`, name).Scan(&n); err != nil {
		return false, err
	}
	if n > 0 {
		return false, nil
	}
	if _, err := tx.ExecContext(ctx, string(src)); err != nil {
		return false, err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO d1_migrations (name) VALUES (?)`, name); err != nil {
		return false, err
	}
	return true, tx.Commit()
}
