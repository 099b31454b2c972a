package main

import (
	"io/fs"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/buurtkaart/buurtkaart/wasm/embed"
)

// securityHeaders gives every answer of `serve` the headers the edge gives
// the same files through build/site/_headers: both come from wasm/embed, so
// /embed may be framed by any site and every other page by none.
func securityHeaders(h http.Handler) http.Handler { return embed.WithHeaders(h) }

// siteFiles serves the built site as Cloudflare's assets layer does:
// embed.html answers at /embed (the edge drops ".html"), _headers is the
// edge's configuration, not a page, and neither folders nor dotfiles are
// shown (publicFiles).
func siteFiles(dir string) http.Handler {
	files := http.FileServer(publicFiles{http.Dir(dir)})
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

// publicFiles is a site folder as the public may see it: no dotfiles (a
// build's or an editor's bookkeeping) and no folder listings — a folder
// answers only with its index.html, else 404, as at the edge.
type publicFiles struct{ fs http.FileSystem }

func (p publicFiles) Open(name string) (http.File, error) {
	for _, part := range strings.Split(name, "/") {
		if strings.HasPrefix(part, ".") {
			return nil, fs.ErrNotExist
		}
	}
	f, err := p.fs.Open(name)
	if err != nil {
		return nil, err
	}
	if st, err := f.Stat(); err != nil || st.IsDir() {
		index, ierr := p.fs.Open(path.Join(name, "index.html"))
		if err != nil || ierr != nil {
			f.Close()
			return nil, fs.ErrNotExist
		}
		index.Close()
	}
	return f, nil
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
