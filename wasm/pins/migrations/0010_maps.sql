-- Maps live in the store: many buurten in one database, each map a series
-- of revisions of its GeoJSON (places and the drawn base). The latest
-- revision is served. Up-only, applied by pins.Migrate and by wrangler.
CREATE TABLE maps (
  slug       TEXT PRIMARY KEY,  -- the map's address: /<slug>/
  boundary   TEXT NOT NULL DEFAULT '',  -- a GeoJSON Polygon or MultiPolygon; '' = the map's streets' hull
  created_at TEXT NOT NULL
);

CREATE TABLE map_revisions (
  slug    TEXT NOT NULL,
  n       INTEGER NOT NULL,       -- 1, 2, …: the ETag of what it serves
  geojson TEXT NOT NULL,          -- the map file (geodata/README.md)
  who     TEXT NOT NULL,          -- a keeper's name, or "buurtkaart" for the CLI
  at      TEXT NOT NULL,          -- RFC 3339 UTC
  summary TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (slug, n)
) WITHOUT ROWID;
