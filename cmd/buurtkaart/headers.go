package main

import (
	"net/http"
	"path/filepath"

	"github.com/buurtkaart/buurtkaart/wasm/embed"
)

// securityHeaders gives every answer of `serve` the headers the edge gives
// the same files through build/site/_headers: both come from wasm/embed, so
// /embed may be framed by any site and every other page by none.
func securityHeaders(h http.Handler) http.Handler { return embed.WithHeaders(h) }

// siteFiles serves the built site as Cloudflare's assets layer does:
// embed.html answers at /embed (the edge drops ".html"), and _headers is the
// edge's configuration, not a page.
func siteFiles(dir string) http.Handler {
	files := http.FileServer(http.Dir(dir))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/_headers":
			http.NotFound(w, r)
		case embed.Path:
			http.ServeFile(w, r, filepath.Join(dir, "embed.html"))
		default:
			files.ServeHTTP(w, r)
		}
	})
}
