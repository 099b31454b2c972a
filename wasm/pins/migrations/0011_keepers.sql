-- Keepers: the residents who keep a map (wasm/keepers). They sign in with a
-- one-time code from a link, then use a bearer token; only SHA-256 hashes of
-- codes and tokens are stored. Up-only, applied by pins.Migrate and wrangler.
CREATE TABLE keepers (
  id         TEXT PRIMARY KEY,        -- random, shown in lists and the log
  map        TEXT NOT NULL,           -- the map's slug
  name       TEXT NOT NULL,
  added_at   TEXT NOT NULL,           -- RFC 3339 UTC
  added_by   TEXT NOT NULL,           -- a keeper's name, "buurtkaart" (the CLI) or BUURTKAART_MODERATOR_TOKEN
  revoked_at TEXT NOT NULL DEFAULT '' -- '' while the keeper may keep the map
);

CREATE INDEX keepers_map ON keepers (map, added_at);

-- A keeper's secrets. A sign-in code's row becomes its token's row in one
-- UPDATE (D1 has no transactions), so a code works exactly once.
CREATE TABLE keeper_keys (
  hash       TEXT NOT NULL,           -- SHA-256 (hex) of the code or token, never the secret itself
  keeper     TEXT NOT NULL,
  map        TEXT NOT NULL,
  kind       TEXT NOT NULL CHECK (kind IN ('code', 'token')),
  expires    TEXT NOT NULL DEFAULT '', -- RFC 3339 for a code; '' for a token (valid until its keeper is revoked)
  created_at TEXT NOT NULL,
  PRIMARY KEY (hash, keeper)          -- one moderator token may seed a keeper of several maps
) WITHOUT ROWID;

-- Every keeper action, under the keeper's name (GET api/keeper/log).
CREATE TABLE keeper_log (
  map       TEXT NOT NULL,
  at        TEXT NOT NULL,
  keeper_id TEXT NOT NULL,
  keeper    TEXT NOT NULL,           -- the keeper's name at the time
  action    TEXT NOT NULL,           -- e.g. pin.hide, map.save
  detail    TEXT NOT NULL DEFAULT ''
);

CREATE INDEX keeper_log_map ON keeper_log (map, at);

-- Why a keeper hid a pin, shown to its maker on their own card.
ALTER TABLE pins ADD COLUMN hidden_reason TEXT NOT NULL DEFAULT '';
-- The feature id of the place a pin was promoted to. Such a pin keeps
-- status 'hidden' (the CHECK of 0002 allows no new status without a table
-- rebuild), so every query for the map's pins leaves it out already; the
-- API reports it as status "promoted".
ALTER TABLE pins ADD COLUMN promoted TEXT NOT NULL DEFAULT '';
