package main

import (
	"io/fs"
	"net/http"
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
	pub := publicFiles{http.Dir(dir)}
	files := http.FileServer(pub)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name := path.Clean("/" + r.URL.Path)
		switch {
		case name == "/_headers":
			http.NotFound(w, r)
			return
		case name == embed.Path:
			name = "/embed.html"
		case strings.HasSuffix(name, "/"):
			name += "index.html"
		}
		// Text and the wasm go out as the build compressed them.
		if f, err := pub.Open(name); err == nil && (textExts[filepath.Ext(name)] || filepath.Ext(name) == ".wasm") {
			f.Close()
			servePrecompressed(w, r, dir, strings.TrimPrefix(name, "/"))
			return
		}
		files.ServeHTTP(w, r)
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
