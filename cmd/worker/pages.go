//go:build js && wasm

package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"net/http"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"

	"github.com/syumai/workers/cloudflare/cache"

	"github.com/buurtkaart/buurtkaart/wasm/host"
	"github.com/buurtkaart/buurtkaart/wasm/page"
	"github.com/buurtkaart/buurtkaart/web"
)

// edgePages keep a map's rendered revision in the isolate's memory and in
// the edge's cache (the Cache API), so a cold isolate reads a revision
// another one rendered instead of rendering it again. A revision never
// changes, so a cached copy is never stale: a newer revision has another key.
type edgePages struct {
	mem   *host.Memory
	once  sync.Once
	c     *cache.Cache
	build string // what else a page is made of: see buildID
}

func newEdgePages(base string) *edgePages {
	return &edgePages{mem: host.NewMemory(), build: buildID(base)}
}

// buildID names what a rendered page depends on besides its map's
// revision: the templates, the code that draws (the commit the Worker was
// built from) and the public address (in oEmbed links and QR codes). A
// deploy that changes any of them renders every map afresh instead of
// serving a cached page of the old build for a month.
func buildID(base string) string {
	h := sha256.New()
	io.WriteString(h, base)
	for _, name := range []string{"index.html", "embed.html", "poster.html", "manifest.webmanifest"} {
		data, _ := web.Templates.ReadFile(name)
		h.Write(data)
	}
	if info, ok := debug.ReadBuildInfo(); ok {
		for _, s := range info.Settings {
			if strings.HasPrefix(s.Key, "vcs.") {
				io.WriteString(h, s.Key+"="+s.Value+"\n")
			}
		}
	}
	return hex.EncodeToString(h.Sum(nil))[:16]
}

// cacheKey names one file of one revision in the edge's cache; the host is
// never served, it only keys.
func (e *edgePages) cacheKey(slug string, rev int, name string) string {
	return "https://buurtkaart.cache/" + e.build + "/" + slug + "/" + strconv.Itoa(rev) + "/" + name
}

// names are the files a render may make.
var names = page.Names()

func (e *edgePages) Files(ctx context.Context, slug string, rev int, render func() (page.Files, error)) (host.Rendered, string, error) {
	e.once.Do(func() { e.c = cache.New() })
	how := "render"
	files, mhow, err := e.mem.Files(ctx, slug, rev, func() (page.Files, error) {
		if fs := e.fromEdge(ctx, slug, rev); fs != nil {
			how = "edge"
			return fs, nil
		}
		fs, err := render()
		if err == nil {
			e.toEdge(ctx, slug, rev, fs)
		}
		return fs, err
	})
	if mhow == "memory" {
		how = mhow
	}
	return files, how, err
}

// fromEdge reads a whole revision from the edge's cache; nil unless every
// file of it is there (a missing boundary.geojson is kept as an empty one).
func (e *edgePages) fromEdge(ctx context.Context, slug string, rev int) page.Files {
	fs := page.Files{}
	for _, name := range names {
		req, _ := http.NewRequestWithContext(ctx, http.MethodGet, e.cacheKey(slug, rev, name), nil)
		res, err := e.c.Match(req, nil)
		if err != nil {
			return nil
		}
		data, err := io.ReadAll(res.Body)
		res.Body.Close()
		if err != nil {
			return nil
		}
		if len(data) > 0 { // a file the render did not make is kept empty
			fs[name] = data
		}
	}
	return fs
}

func (e *edgePages) toEdge(ctx context.Context, slug string, rev int, fs page.Files) {
	for _, name := range names {
		data := fs[name]
		req, _ := http.NewRequestWithContext(ctx, http.MethodGet, e.cacheKey(slug, rev, name), nil)
		res := &http.Response{StatusCode: http.StatusOK, Header: http.Header{
			"Cache-Control": {"public, max-age=2592000"}, "Content-Length": {strconv.Itoa(len(data))},
		}, Body: io.NopCloser(bytes.NewReader(data)), ContentLength: int64(len(data))}
		if err := e.c.Put(req, res); err != nil {
			println("buurtkaart: edge cache:", err.Error())
			return
		}
	}
}
