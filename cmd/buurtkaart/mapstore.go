package main

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"net/http"
	"strings"
	"sync"
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

// withMapAPI serves the map's store API (GET /<slug>/api/map with its
// revision as ETag, and its history) beside the rest of the site.
func withMapAPI(site http.Handler, db *sql.DB, slug string) http.Handler {
	mux := http.NewServeMux()
	mux.Handle("/"+slug+"/api/map", maps.NewHandler(maps.NewStore(db), nil))
	mux.Handle("/"+slug+"/api/map/", maps.NewHandler(maps.NewStore(db), nil))
	// The whole site under /<slug>/ too: the page calls everything
	// relative to itself (api/pins, map.geojson, sw.js).
	mux.Handle("/"+slug+"/", http.StripPrefix("/"+slug, site))
	mux.Handle("/", site)
	return mux
}

// freshPages renders the map's pages again (site.renderMap) when the store
// holds a newer revision than the one they show: a map changed in the
// store (buurtkaart maps save, the keepers' workshop) is in the next page
// load's first paint, without a restart. One small query per page request;
// the render once per revision.
func freshPages(h http.Handler, s site, db *sql.DB, slug string, shown int) http.Handler {
	st := maps.NewStore(db)
	var mu sync.Mutex
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if mapDependent(r.URL.Path) {
			mu.Lock()
			if n, err := st.Latest(r.Context(), slug); err == nil && n != shown {
				if cur, err := st.Current(r.Context(), slug); err == nil {
					if m, _ := atlas.Parse(cur.GeoJSON, nil); m != nil && s.renderMap(m, cur.GeoJSON) == nil {
						shown = cur.Revision.N
					}
				}
			}
			mu.Unlock()
		}
		h.ServeHTTP(w, r)
	})
}

// mapDependent reports whether a path's answer is made from the map.
func mapDependent(p string) bool {
	switch p {
	case "/", "/index.html", "/embed", "/embed.html", "/poster.html", "/poster.pdf", "/map.geojson", "/places.json", "/boundary.geojson":
		return true
	}
	return strings.HasPrefix(p, "/export.")
}
