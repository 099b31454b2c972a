//go:build js && wasm

package main

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"strconv"
	"sync"

	"github.com/syumai/workers/cloudflare/cache"

	"github.com/buurtkaart/buurtkaart/wasm/host"
	"github.com/buurtkaart/buurtkaart/wasm/page"
)

// edgePages keep a map's rendered revision in the isolate's memory and in
// the edge's cache (the Cache API), so a cold isolate reads a revision
// another one rendered instead of rendering it again. A revision never
// changes, so a cached copy is never stale: a newer revision has another key.
type edgePages struct {
	mem  *host.Memory
	once sync.Once
	c    *cache.Cache
}

func newEdgePages() *edgePages { return &edgePages{mem: host.NewMemory()} }

// cacheKey names one file of one revision in the edge's cache; the host is
// never served, it only keys.
func cacheKey(slug string, rev int, name string) string {
	return "https://buurtkaart.cache/" + slug + "/" + strconv.Itoa(rev) + "/" + name
}

// names are the files a render makes, in the order the edge is asked.
var names = []string{"index.html", "embed.html", "poster.html", "map.geojson", "places.json", "boundary.geojson", "qr.json"}

func (e *edgePages) Files(ctx context.Context, slug string, rev int, render func() (page.Files, error)) (page.Files, string, error) {
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
		req, _ := http.NewRequestWithContext(ctx, http.MethodGet, cacheKey(slug, rev, name), nil)
		res, err := e.c.Match(req, nil)
		if err != nil {
			return nil
		}
		data, err := io.ReadAll(res.Body)
		res.Body.Close()
		if err != nil {
			return nil
		}
		if len(data) > 0 || name != "boundary.geojson" {
			fs[name] = data
		}
	}
	return fs
}

func (e *edgePages) toEdge(ctx context.Context, slug string, rev int, fs page.Files) {
	for _, name := range names {
		data := fs[name]
		req, _ := http.NewRequestWithContext(ctx, http.MethodGet, cacheKey(slug, rev, name), nil)
		res := &http.Response{StatusCode: http.StatusOK, Header: http.Header{
			"Cache-Control": {"public, max-age=2592000"}, "Content-Length": {strconv.Itoa(len(data))},
		}, Body: io.NopCloser(bytes.NewReader(data)), ContentLength: int64(len(data))}
		if err := e.c.Put(req, res); err != nil {
			println("buurtkaart: edge cache:", err.Error())
			return
		}
	}
}
