// Package pins is the residents' pins service: the SQL store and the HTTP
// API. The same Handler runs in `buurtkaart serve` over an SQLite file and
// in the Cloudflare Worker over D1, so it keeps to what both can do: no
// transactions, and every write a single idempotent statement.
package pins

import (
	"embed"
)

// Migrations are the up-only schema files, shared with wrangler
// (wrangler.toml's migrations_dir points at this folder).
//
//go:embed migrations/*.sql
var Migrations embed.FS
