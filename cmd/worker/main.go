//go:build js && wasm

// Command worker is the edge host of buurtkaart: a Cloudflare Worker that
// serves every map of its D1 store as `buurtkaart serve` serves its SQLite
// file — the same routes (wasm/host): each map at /<slug>/ with its pins
// API, its pages rendered per revision, embed, oEmbed and exports. The
// shared site's files (scripts, style, wasm) are Cloudflare's static
// assets; the Worker names them and worker.mjs fetches them (static.go).
package main

import (
	"context"
	"database/sql"
	"errors"
	"io"
	"net/http"
	"strconv"

	"github.com/syumai/workers/cloudflare"
	"github.com/syumai/workers/cloudflare/d1"
	"github.com/syumai/workers/cloudflare/fetch"

	"github.com/buurtkaart/buurtkaart/wasm/embed"
	"github.com/buurtkaart/buurtkaart/wasm/host"
	"github.com/buurtkaart/buurtkaart/wasm/keepers"
	"github.com/buurtkaart/buurtkaart/wasm/pins"
)

func main() {
	c, err := d1.OpenConnector("DB")
	if err != nil {
		serve(unavailable("D1 binding DB is missing: " + err.Error()))
		return
	}
	opts := pins.Options{
		// Cloudflare puts the client's address in this header; it is only
		// ever used hashed, for rate limits.
		ClientAddr: func(r *http.Request) string { return r.Header.Get("CF-Connecting-IP") },
	}
	// The moderator token and the limit secret are wrangler secrets
	// (wrangler secret put BUURTKAART_MODERATOR_TOKEN, …_LIMIT_SECRET). A
	// short one leaves the Worker answering what to fix. Without the limit
	// secret it derives one from the moderator token: every isolate must
	// key limits alike, so a random one per isolate would not do.
	warning, err := opts.FromEnv(cloudflare.Getenv)
	if err != nil {
		serve(unavailable(err.Error()))
		return
	}
	if warning != "" {
		println("buurtkaart:", warning)
	}
	db := sql.OpenDB(c)
	d := &host.Deployment{
		DB: db,
		// The map the root paths serve, seeded from the assets' map.geojson
		// into a fresh D1.
		Default: cloudflare.Getenv("BUURTKAART_MAP"),
		Seed:    assetMap,
		// BUURTKAART_URL, the public address, keeps the request's Host out
		// of oEmbed answers and QR codes; without it they follow the Host
		// and are marked private.
		BaseURL:       cloudflare.Getenv("BUURTKAART_URL"),
		Pins:          opts,
		Keepers:       keepers.NewHandler(db, &keepers.Options{Secret: opts.Secret, ClientAddr: opts.ClientAddr}),
		Static:        assets{},
		Pages:         newEdgePages(cloudflare.Getenv("BUURTKAART_URL")),
		ExportPerPage: 250,
	}
	// Static files get their headers from build/site/_headers; the Worker's
	// own answers get the same ones here.
	serve(embed.WithHeaders(d))
}

// assetMap reads the map file from the static assets (the ASSETS binding in
// wrangler.toml): the map the site was built with.
func assetMap(ctx context.Context) ([]byte, error) {
	client := fetch.NewClient(fetch.WithBinding(cloudflare.GetBinding("ASSETS")))
	req, err := fetch.NewRequest(ctx, http.MethodGet, "https://assets.local/map.geojson", nil)
	if err != nil {
		return nil, err
	}
	res, err := client.Do(req, nil)
	if err != nil {
		return nil, err
	}
	defer res.Body.Close()
	if res.StatusCode != http.StatusOK {
		return nil, errors.New("worker: map.geojson: " + res.Status)
	}
	return io.ReadAll(res.Body)
}

// unavailable answers every request with a 503 that says what is misconfigured.
func unavailable(why string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		w.WriteHeader(http.StatusServiceUnavailable)
		w.Write([]byte(`{"error":{"code":"misconfigured","nl":"De kaartserver is niet goed ingesteld.","en":` + strconv.Quote("worker misconfigured: "+why) + `}}`))
	})
}
