//go:build js && wasm

// Command worker is the edge host of buurtkaart: a Cloudflare Worker that
// serves the same pins API as `buurtkaart serve`, over D1 instead of an
// SQLite file. Static files (the built site) are served by Cloudflare's
// assets layer before a request reaches this code; see wrangler.toml.
package main

import (
	"context"
	"database/sql"
	"errors"
	"io"
	"net/http"
	"strconv"
	"strings"

	"github.com/syumai/workers/cloudflare"
	"github.com/syumai/workers/cloudflare/d1"
	"github.com/syumai/workers/cloudflare/fetch"

	"github.com/buurtkaart/buurtkaart/wasm/atlas"
	"github.com/buurtkaart/buurtkaart/wasm/download"
	"github.com/buurtkaart/buurtkaart/wasm/embed"
	"github.com/buurtkaart/buurtkaart/wasm/pin"
	"github.com/buurtkaart/buurtkaart/wasm/pins"
)

func main() {
	c, err := d1.OpenConnector("DB")
	if err != nil {
		serve(unavailable("D1 binding DB is missing: " + err.Error()))
		return
	}
	bounds, err := parseBBox(cloudflare.Getenv("BUURTKAART_BBOX"))
	if err != nil {
		serve(unavailable(err.Error()))
		return
	}
	store := pins.NewStore(sql.OpenDB(c), cloudflare.Getenv("BUURTKAART_MAP"))
	opts := pins.Options{
		Rules: pin.Rules{Bounds: bounds, Premoderate: cloudflare.Getenv("BUURTKAART_MODERATION") == "pre"},
		// Cloudflare puts the client's address in this header; it is only
		// ever used hashed, for rate limits.
		ClientAddr: func(r *http.Request) string { return r.Header.Get("CF-Connecting-IP") },
	}
	// The moderator token and the limit secret are wrangler secrets
	// (wrangler secret put BUURTKAART_MODERATOR_TOKEN, …_LIMIT_SECRET). A
	// short one leaves the Worker answering what to fix. Without the limit
	// secret it derives one from the moderator token: every isolate must
	// key limits alike, so a random one per isolate would not do.
	opts.Within = mapBoundary()
	warning, err := opts.FromEnv(cloudflare.Getenv)
	if err != nil {
		serve(unavailable(err.Error()))
		return
	}
	if warning != "" {
		println("buurtkaart:", warning)
	}
	mux := http.NewServeMux()
	api := pins.NewHandler(store, opts)
	mux.Handle("/api/", api)
	exports := download.Handler{Source: assetMap, API: api, PerPage: 250}
	for f := range download.Formats {
		mux.Handle("/export."+f, exports)
	}
	// The map's title names the embed for screen readers; without the var
	// the oEmbed answer says "buurtkaart". BUURTKAART_URL, the map's public
	// address, keeps the request's Host out of the answer; without it the
	// answer follows the Host and is marked private.
	mux.Handle("/oembed", embed.NewHandler(&embed.Options{Title: cloudflare.Getenv("BUURTKAART_TITLE"), URL: cloudflare.Getenv("BUURTKAART_URL")}))
	// Static files get their headers from build/site/_headers; the Worker's
	// own answers get the same ones here.
	serve(embed.WithHeaders(mux))
}

// assetMap reads the map file from the static assets (the ASSETS binding in
// wrangler.toml): the Worker serves the same map.geojson the page loads.
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

// parseBBox reads "west,south,east,north"; empty means no bounds check.
func parseBBox(s string) (atlas.BBox, error) {
	if s == "" {
		return atlas.BBox{}, nil
	}
	parts := strings.Split(s, ",")
	var v [4]float64
	if len(parts) != 4 {
		return atlas.BBox{}, errBBox(s)
	}
	for i, p := range parts {
		f, err := strconv.ParseFloat(strings.TrimSpace(p), 64)
		if err != nil {
			return atlas.BBox{}, errBBox(s)
		}
		v[i] = f
	}
	return atlas.BBox{W: v[0], S: v[1], E: v[2], N: v[3]}, nil
}

type errBBox string

func (e errBBox) Error() string {
	return "BUURTKAART_BBOX " + strconv.Quote(string(e)) + " is not west,south,east,north"
}

// unavailable answers every request with a 503 that says what is misconfigured.
func unavailable(why string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		w.WriteHeader(http.StatusServiceUnavailable)
		w.Write([]byte(`{"error":{"code":"misconfigured","nl":"De kaartserver is niet goed ingesteld.","en":` + strconv.Quote("worker misconfigured: "+why) + `}}`))
	})
}
