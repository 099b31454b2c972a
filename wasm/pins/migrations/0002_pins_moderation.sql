-- Moderation, erasure, privacy and many maps in one database.
ALTER TABLE pins ADD COLUMN map TEXT NOT NULL DEFAULT '';          -- which buurt map the pin belongs to
ALTER TABLE pins ADD COLUMN name TEXT NOT NULL DEFAULT '';
ALTER TABLE pins ADD COLUMN author TEXT NOT NULL DEFAULT '';       -- published only when show_author = 1
ALTER TABLE pins ADD COLUMN show_author INTEGER NOT NULL DEFAULT 0;
ALTER TABLE pins ADD COLUMN status TEXT NOT NULL DEFAULT 'visible' CHECK (status IN ('visible', 'pending', 'hidden'));
ALTER TABLE pins ADD COLUMN reports INTEGER NOT NULL DEFAULT 0;
ALTER TABLE pins ADD COLUMN delete_hash TEXT NOT NULL DEFAULT ''; -- SHA-256 of the submitter's delete token
ALTER TABLE pins ADD COLUMN cell INTEGER NOT NULL DEFAULT 0;      -- 0.01° grid cell, for bounding-box queries
ALTER TABLE pins ADD COLUMN updated_at TEXT NOT NULL DEFAULT '';

UPDATE pins SET cell = CAST((lat + 90) * 100 AS INTEGER) * 36000 + CAST((lon + 180) * 100 AS INTEGER);

CREATE INDEX pins_map_cell ON pins (map, status, cell);

-- Rate-limit counters per hour. key is a salted hash (salt rotates daily),
-- never an IP address or device token; rows older than two days are purged.
CREATE TABLE rate_limits (
  key    TEXT NOT NULL,
  bucket TEXT NOT NULL,  -- UTC hour, e.g. 2026-11-23T10
  n      INTEGER NOT NULL,
  PRIMARY KEY (key, bucket)
) WITHOUT ROWID;

-- Server-made random secrets: the daily rate-limit salts and the key that
-- derives delete tokens. Made on first use with INSERT OR IGNORE.
CREATE TABLE secrets (
  name       TEXT PRIMARY KEY,
  value      TEXT NOT NULL,
  created_at TEXT NOT NULL
);
