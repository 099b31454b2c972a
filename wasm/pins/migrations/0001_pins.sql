-- Residents' pins. Applied by `wrangler d1 migrations apply` at the edge and
-- by pins.Migrate in `buurtkaart serve`; both record it in d1_migrations.
-- Up-only: a later change is a new numbered file, never an edit of this one.
CREATE TABLE pins (
  id         TEXT PRIMARY KEY,  -- client-made UUID; makes every write idempotent
  lon        REAL NOT NULL,
  lat        REAL NOT NULL,
  kind       TEXT NOT NULL CHECK (kind IN ('talent', 'verband', 'plek', 'verhaal', 'partner')),
  note       TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL      -- RFC 3339 UTC
);

CREATE INDEX pins_created ON pins (created_at, id);
