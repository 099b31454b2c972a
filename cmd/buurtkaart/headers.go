package main

import (
	"net/http"
	"os"
	"path/filepath"
	"strings"

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
		case "/buurtkaart.wasm":
			serveWasm(w, r, dir, files)
		default:
			files.ServeHTTP(w, r)
		}
	})
}

// serveWasm sends the brotli copy the build made when the browser takes it
// (every browser that runs the wasm does), else the plain file.
func serveWasm(w http.ResponseWriter, r *http.Request, dir string, files http.Handler) {
	w.Header().Add("Vary", "Accept-Encoding")
	br := filepath.Join(dir, "buurtkaart.wasm.br")
	if strings.Contains(r.Header.Get("Accept-Encoding"), "br") {
		if f, err := os.Open(br); err == nil {
			defer f.Close()
			if st, err := f.Stat(); err == nil {
				w.Header().Set("Content-Type", "application/wasm")
				w.Header().Set("Content-Encoding", "br")
				http.ServeContent(w, r, "buurtkaart.wasm", st.ModTime(), f)
				return
			}
		}
	}
	files.ServeHTTP(w, r)
}
