package main

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"time"

	"github.com/buurtkaart/buurtkaart/wasm/atlas"
	"github.com/buurtkaart/buurtkaart/wasm/boundary"
	"github.com/buurtkaart/buurtkaart/wasm/maps"
)

// storeMap keeps the map serve was given in the store (wasm/maps) under
// slug: its first revision in a fresh store, and a new revision whenever
// the file has changed since, so the store's history follows the file
// until maps are kept in the store alone.
func storeMap(ctx context.Context, db *sql.DB, slug string, m *atlas.Map, data []byte) (maps.Map, error) {
	st := maps.NewStore(db)
	now := time.Now().UTC().Format(time.RFC3339)
	cur, err := st.Current(ctx, slug)
	switch {
	case errors.Is(err, maps.ErrNotFound):
		if err := st.Create(ctx, slug, boundary.OfMap(m), data, "buurtkaart", now); err != nil {
			return maps.Map{}, err
		}
	case err != nil:
		return maps.Map{}, err
	case !bytes.Equal(cur.GeoJSON, data):
		if _, err := st.Save(ctx, slug, cur.Revision.N, data, "buurtkaart", "kaartbestand veranderd", now); err != nil {
			return maps.Map{}, err
		}
	default:
		return cur, nil
	}
	return st.Current(ctx, slug)
}
