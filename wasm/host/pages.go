package host

import (
	"context"
	"maps"
	"mime"
	"net/http"
	"path"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/buurtkaart/buurtkaart/wasm/page"
)

// Pages keep the rendered files of maps' revisions.
type Pages interface {
	// Files returns revision rev of map key's files (its slug and when it
	// was started), made with render
	// when the keeper has none; how says where they came from ("memory",
	// "edge", or "render").
	Files(ctx context.Context, slug string, rev int, render func() (page.Files, error)) (r Rendered, how string, err error)
}

// Rendered are a revision's files, and the compressed copies a keeper
// made of them (nil where the host compresses as it sends).
type Rendered struct {
	Files  page.Files
	Brotli page.Files
}

// Memory keeps each map's latest rendered revision in memory, with its
// text files brotli-compressed once (serve; the edge compresses the
// Worker's answers itself).
type Memory struct {
	// Compress, when set, makes a compressed copy of a file (brotli: serve
	// passes its encoder; the host itself links none, as the Worker's edge
	// compresses its answers itself).
	Compress func([]byte) []byte
	// Recompress, when set, makes a smaller copy more slowly (brotli 11:
	// 230 ms for the sample's 122 KB page, 6.9 KB less to send than
	// level 6). It runs after the first answer, one file at a time in the
	// background, and its copy replaces Compress's once made: a keeper's
	// save is never answered later for it. Only files up to
	// recompressMax: a 10,000-place page would keep a core busy for
	// seconds.
	Recompress func([]byte) []byte
	// MaxBytes bounds what is kept: past it, the maps asked for longest
	// ago are dropped (and rendered again when asked). Default 64 MiB: a
	// Worker isolate has 128 MB in all.
	MaxBytes int

	mu    sync.Mutex
	byMap map[string]*rendered
	tick  int        // counts uses, for least recently used
	slow  sync.Mutex // one Recompress at a time
}

type rendered struct {
	rev   int
	once  sync.Once
	files page.Files
	br    page.Files
	err   error
	size  int // bytes kept, once rendered
	used  int // Memory.tick at its last use
}

// NewMemory keeps rendered revisions in memory, uncompressed.
func NewMemory() *Memory { return &Memory{} }

// Files renders a revision once, however many requests ask at the same time.
func (m *Memory) Files(ctx context.Context, slug string, rev int, render func() (page.Files, error)) (Rendered, string, error) {
	r, how := m.entry(slug, rev)
	r.once.Do(func() {
		r.files, r.err = render()
		if r.err == nil && m.Compress != nil {
			r.br = page.Files{}
			for name, data := range r.files {
				if b := m.Compress(data); len(b) < len(data) {
					r.br[name] = b
				}
			}
		}
		size := 0
		for _, fs := range []page.Files{r.files, r.br} {
			for _, data := range fs {
				size += len(data)
			}
		}
		m.mu.Lock()
		r.size = size
		m.evict(slug)
		m.mu.Unlock()
		if r.err == nil && m.Recompress != nil {
			go m.recompress(slug, r)
		}
	})
	m.mu.Lock()
	br := r.br
	m.mu.Unlock()
	return Rendered{Files: r.files, Brotli: br}, how, r.err
}

// recompressMax is the largest file Memory.Recompress is given.
const recompressMax = 256 << 10

// recompress replaces r's compressed copies by Recompress's, one file at a
// time; a copy already sent stays valid (the same file, other bytes).
func (m *Memory) recompress(slug string, r *rendered) {
	m.slow.Lock()
	defer m.slow.Unlock()
	for name, data := range r.files {
		m.mu.Lock()
		old, kept := r.br[name], m.byMap[slug] == r
		m.mu.Unlock()
		if old == nil || !kept || len(data) > recompressMax { // evicted, or a newer revision came
			continue
		}
		b := m.Recompress(data)
		if len(b) >= len(old) {
			continue
		}
		m.mu.Lock()
		br := maps.Clone(r.br)
		br[name] = b
		r.br = br
		r.size -= len(old) - len(b)
		m.mu.Unlock()
	}
}

func (m *Memory) entry(slug string, rev int) (*rendered, string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.byMap == nil {
		m.byMap = map[string]*rendered{}
	}
	m.tick++
	r := m.byMap[slug]
	if r != nil && r.rev == rev {
		r.used = m.tick
		return r, "memory"
	}
	if r != nil && r.rev > rev {
		// an older revision asked for after a newer was kept: render it
		// aside rather than evict the newer
		return &rendered{rev: rev}, "render"
	}
	r = &rendered{rev: rev, used: m.tick}
	m.byMap[slug] = r
	return r, "render"
}

// evict drops the least recently used maps but keep until what is kept
// fits MaxBytes. m.mu is held.
func (m *Memory) evict(keep string) {
	limit := m.MaxBytes
	if limit <= 0 {
		limit = 64 << 20
	}
	total := 0
	for _, r := range m.byMap {
		total += r.size
	}
	for total > limit {
		oldest := ""
		for slug, r := range m.byMap {
			if slug != keep && r.size > 0 && (oldest == "" || r.used < m.byMap[oldest].used) {
				oldest = slug
			}
		}
		if oldest == "" {
			return
		}
		total -= m.byMap[oldest].size
		delete(m.byMap, oldest)
	}
}

// serveFile answers one of a map's rendered files at st's revision. The
// ETag names the map and revision, so a page from before a save is never
// taken for the current one.
func (d *Deployment) serveFile(w http.ResponseWriter, r *http.Request, st *mapState, name string) {
	start := time.Now()
	rendered, how, err := d.Pages.Files(r.Context(), st.key(), st.rev, func() (page.Files, error) {
		return d.render(st)
	})
	if err != nil {
		d.unavailable(w, err)
		return
	}
	data, ok := rendered.Files[name]
	if !ok {
		http.NotFound(w, r)
		return
	}
	h := w.Header()
	ctype := mime.TypeByExtension(path.Ext(name))
	switch path.Ext(name) {
	case ".geojson":
		ctype = "application/geo+json"
	case ".json":
		ctype = "application/json"
	case ".webmanifest":
		ctype = "application/manifest+json"
	case ".html":
		ctype = "text/html; charset=utf-8"
	}
	h.Set("Content-Type", ctype)
	h.Set("Cache-Control", "no-cache")
	tag := st.slug + "-" + strconv.Itoa(st.rev) + "-" + strconv.Itoa(len(data))
	// What a request cost, for the benchmarks and anyone curious:
	// a render, or a hit kept in memory or at the edge.
	h.Set("Server-Timing", how+";dur="+strconv.FormatFloat(float64(time.Since(start).Microseconds())/1000, 'f', 2, 64))
	if br := rendered.Brotli[name]; br != nil {
		h.Add("Vary", "Accept-Encoding")
		if TakesBrotli(r.Header.Get("Accept-Encoding")) {
			h.Set("Content-Encoding", "br")
			data, tag = br, tag+"-br"+strconv.Itoa(len(br)) // the slower, smaller copy is other bytes
		}
	}
	h.Set("ETag", `"`+tag+`"`)
	// an edge or proxy may have weakened it (W/"…")
	if match := strings.TrimPrefix(r.Header.Get("If-None-Match"), "W/"); match != "" && match == h.Get("ETag") {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	h.Set("Content-Length", strconv.Itoa(len(data)))
	if r.Method == http.MethodHead {
		return
	}
	w.Write(data)
}

// TakesBrotli reports whether an Accept-Encoding header accepts br:
// listed with a weight above 0, or "*" above 0 with br not listed ("br;q=0"
// refuses it). serve reads it for its files and pages; the Worker for
// which of the site's files to send as their brotli copies (cmd/worker).
func TakesBrotli(accept string) bool {
	br, any := -1.0, -1.0
	for _, item := range strings.Split(accept, ",") {
		coding, params, _ := strings.Cut(item, ";")
		coding = strings.ToLower(strings.TrimSpace(coding))
		if coding != "br" && coding != "*" {
			continue
		}
		q := 1.0
		if k, v, ok := strings.Cut(strings.TrimSpace(params), "="); ok && strings.EqualFold(strings.TrimSpace(k), "q") {
			if f, err := strconv.ParseFloat(strings.TrimSpace(v), 64); err == nil && f >= 0 && f <= 1 {
				q = f
			} else {
				q = 0
			}
		}
		if coding == "br" {
			br = max(br, q)
		} else {
			any = max(any, q)
		}
	}
	if br >= 0 {
		return br > 0
	}
	return any > 0
}
