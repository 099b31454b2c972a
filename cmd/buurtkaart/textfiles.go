package main

import (
	"io/fs"
	"mime"
	"net/http"
	"os"
	"path/filepath"

	"github.com/buurtkaart/buurtkaart/wasm/host"
	"github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/css"
	"github.com/tdewolff/minify/v2/js"
)

// minifier shrinks the page's scripts and style at build time
// (github.com/tdewolff/minify): the browser on a slow line receives less,
// the sources in web/ stay readable. HTML and the pre-rendered SVG are left
// as they are: the wasm takes the drawing over byte for byte.
var minifier = func() *minify.M {
	m := minify.New()
	m.AddFunc("text/css", css.Minify)
	m.AddFunc("text/javascript", js.Minify)
	return m
}()

// minified returns a web file's bytes as the site ships them.
func minified(name string, raw []byte) ([]byte, error) {
	switch filepath.Ext(name) {
	case ".js", ".mjs":
		return minifier.Bytes("text/javascript", raw)
	case ".css":
		return minifier.Bytes("text/css", raw)
	}
	return raw, nil
}

// textExts are the built files sent compressed: what the page loads as text.
var textExts = map[string]bool{".html": true, ".js": true, ".mjs": true, ".css": true, ".json": true,
	".geojson": true, ".svg": true, ".webmanifest": true}

// compressText writes a brotli copy (name.br) beside every text file of the
// built site whose copy is missing or older (precompress): `serve` sends it
// to browsers that take brotli (all do), as the edge compresses for the
// Worker. The page, its scripts and its style go from ~300 KB to ~70 KB.
func compressText(dir string) error {
	return filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !textExts[filepath.Ext(path)] {
			return err
		}
		src, err := d.Info()
		if err != nil {
			return err
		}
		if br, err := os.Stat(path + ".br"); err == nil && !br.ModTime().Before(src.ModTime()) {
			return nil
		}
		return precompress(path)
	})
}

// servePrecompressed sends the brotli copy of a built file (name.br, made by
// the build) when the browser takes brotli, else the plain file. name is
// relative to dir and already checked as public (publicFiles).
func servePrecompressed(w http.ResponseWriter, r *http.Request, dir, name string) {
	w.Header().Add("Vary", "Accept-Encoding")
	if host.TakesBrotli(r.Header.Get("Accept-Encoding")) {
		if f, err := os.Open(filepath.Join(dir, filepath.FromSlash(name)+".br")); err == nil {
			defer f.Close()
			if st, err := f.Stat(); err == nil {
				ctype := mime.TypeByExtension(filepath.Ext(name))
				if ctype == "" {
					ctype = "application/octet-stream"
				}
				w.Header().Set("Content-Type", ctype)
				w.Header().Set("Content-Encoding", "br")
				http.ServeContent(w, r, name, st.ModTime(), f)
				return
			}
		}
	}
	http.ServeFile(w, r, filepath.Join(dir, filepath.FromSlash(name)))
}
