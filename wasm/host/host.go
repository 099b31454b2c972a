// Package host is the routes of a buurtkaart deployment — every map of the
// store at /<slug>/, each with its pins, pages, embed, poster and exports —
// defined once for both hosts: `buurtkaart serve` (SQLite, files on disk)
// and the Worker (D1, static assets at the edge). A host supplies what
// differs: how the shared site's files are served, where a revision's
// rendered pages are kept, and the poster, which only serve composes.
//
// A map's answers follow the store: every request that depends on the map
// asks the store for its latest revision (one indexed query), and a new
// revision is rendered once (wasm/page) and kept per revision (Pages).
package host

import (
	"context"
	"database/sql"
	"errors"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/buurtkaart/buurtkaart/wasm/atlas"
	"github.com/buurtkaart/buurtkaart/wasm/boundary"
	"github.com/buurtkaart/buurtkaart/wasm/download"
	"github.com/buurtkaart/buurtkaart/wasm/embed"
	"github.com/buurtkaart/buurtkaart/wasm/keepers"
	"github.com/buurtkaart/buurtkaart/wasm/maps"
	"github.com/buurtkaart/buurtkaart/wasm/page"
	"github.com/buurtkaart/buurtkaart/wasm/pins"
	"github.com/buurtkaart/buurtkaart/web"
)

// Deployment is every map of one store behind one handler.
type Deployment struct {
	DB *sql.DB
	// Default is the map the root paths serve (/api/pins, /embed, …), so
	// links and embed snippets made before a deployment held many maps keep
	// working: serve's --map, the Worker's BUURTKAART_MAP. "" = none.
	Default string
	// BaseURL is the deployment's public address ("https://kaart.example.nl/");
	// a map's is BaseURL + slug + "/". "" = unknown: pages then link
	// relatively and oEmbed answers follow the request's Host.
	BaseURL string
	// Pins are the options every map's pins API starts from (secrets,
	// limits, origins); the map's bounds, moderation and boundary are
	// filled in per revision.
	Pins pins.Options
	// Static serves the shared site (scripts, style, wasm, fonts), with
	// r.URL.Path relative to the map: "/app.js".
	Static http.Handler
	// Pages keeps rendered revisions; default: in memory.
	Pages Pages
	// Poster, when set, serves a map's /poster.pdf from its pins API and
	// its current files (serve composes PDFs; the Worker does not).
	Poster func(slug string, api http.Handler, files func(context.Context) (page.Files, error)) http.Handler
	// Keepers, when set, is the keepers' API of every map at
	// /{slug}/api/keeper/ (wasm/keepers); its keepers also save maps
	// (PUT /{slug}/api/map) and moderate their map's pins. The moderator
	// token (Pins.ModeratorToken) is the default map's first keeper,
	// "beheerder". Without it, maps are read-only and only the moderator
	// token moderates.
	Keepers *keepers.Handler
	// ExportPerPage is how many pins an export asks its pins API for at a
	// time; default download's.
	ExportPerPage int
	// Seed, when set, gives the default map's file for a store that does
	// not have it yet (the Worker's first request on a fresh D1: the map
	// file its assets were built with). serve stores its --map itself.
	Seed func(context.Context) ([]byte, error)
	// Now is the clock; default time.Now.
	Now func() time.Time

	mu     sync.Mutex
	byMap  map[string]*mapState
	mapAPI http.Handler
	seeded sync.Once
}

// maxStates bounds the maps a host keeps parsed, with their pins API:
// each is its map file parsed, a few MB for a big city's map.
const maxStates = 256

// mapState is what a map serves at one revision.
type mapState struct {
	slug    string
	rev     int
	created string // when the map was started: a slug used again is another map
	m       *atlas.Map
	data    []byte
	bound   string
	pins    http.Handler
	exports http.Handler
	oembed  http.Handler
	poster  http.Handler
}

// ErrNoMap is returned for a slug the store does not have.
var ErrNoMap = maps.ErrNotFound

// ServeHTTP routes a request: / lists the maps, /<slug>/… is that map,
// and any other path is the default map's (old links).
func (d *Deployment) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	d.init()
	p := r.URL.Path
	if strings.HasSuffix(p, ".br") {
		// The build's compressed copies are sent for their originals, never
		// asked for by name: under a map, a page's .br would be the build's
		// default map, not this one.
		http.NotFound(w, r)
		return
	}
	switch p {
	case "/", "/index.html":
		d.root(w, r)
		return
	case "/api/maps":
		d.list(w, r)
		return
	case "/beheer":
		// the workshop is a map's (it reads its map from its address)
		if d.Default != "" {
			http.Redirect(w, r, "/"+d.Default+"/beheer", http.StatusFound)
			return
		}
	case "/nieuw": // start a map (web/nieuw.html, POST /api/maps)
		d.Static.ServeHTTP(w, withPath(r, "/nieuw.html"))
		return
	}
	if seg, rest, _ := strings.Cut(p[1:], "/"); maps.ValidSlug(seg) {
		// The shared site's files under a map need only know the map
		// exists; what the map shows asks the store for its revision.
		st, err := d.state(r.Context(), seg, shared(rest))
		switch {
		case errors.Is(err, maps.ErrNotFound):
			// not a map: perhaps a path of the default map's
		case err != nil:
			d.unavailable(w, err)
			return
		case !strings.Contains(p[1:], "/"):
			// /<slug> → /<slug>/: the page fetches everything relative to it
			http.Redirect(w, r, p+"/", http.StatusMovedPermanently)
			return
		default:
			d.serveMap(w, r, st, "/"+rest)
			return
		}
	}
	if d.Default == "" || shared(p[1:]) {
		d.Static.ServeHTTP(w, r)
		return
	}
	st, err := d.state(r.Context(), d.Default, false)
	if err != nil {
		d.unavailable(w, err)
		return
	}
	d.serveMap(w, r, st, p)
}

// shared reports whether rel (a path relative to a map, without its
// leading slash) is a file of the shared site rather than the map's.
func shared(rel string) bool {
	switch {
	case rel == "", rel == "embed", rel == "oembed", rel == "poster.pdf", rel == "api", page.Made(rel):
		return false
	}
	return !strings.HasPrefix(rel, "api/") && !strings.HasPrefix(rel, "export.")
}

func (d *Deployment) init() {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.byMap != nil {
		return
	}
	d.byMap = map[string]*mapState{}
	if d.Pages == nil {
		d.Pages = NewMemory()
	}
	if d.Now == nil {
		d.Now = time.Now
	}
	var mo *maps.Options
	if d.Keepers != nil {
		mo = d.Keepers.MapOptions()
	}
	d.mapAPI = maps.NewHandler(maps.NewStore(d.DB), mo)
}

// state is the map slug at its latest revision, made anew when the store
// holds a newer one. cached: a known map's state may be used without
// asking the store (the shared site's files do not depend on the map).
func (d *Deployment) state(ctx context.Context, slug string, cached bool) (*mapState, error) {
	d.mu.Lock()
	st := d.byMap[slug]
	d.mu.Unlock()
	if st != nil && cached {
		return st, nil
	}
	store := maps.NewStore(d.DB)
	n, created, err := store.Head(ctx, slug)
	if errors.Is(err, maps.ErrNotFound) && slug == d.Default && d.Seed != nil {
		if _, err = d.seed(ctx, store); err == nil {
			n, created, err = store.Head(ctx, slug)
		}
	}
	if err != nil {
		return nil, err
	}
	if st != nil && st.rev == n && st.created == created {
		return st, nil
	}
	if slug == d.Default && d.Keepers != nil {
		d.seeded.Do(func() {
			err := keepers.Seed(ctx, keepers.NewStore(d.DB), slug, "beheerder", d.Pins.ModeratorToken, d.Now())
			if err != nil && d.Pins.Log != nil {
				d.Pins.Log("host: the moderator token as keeper: %v", err)
			}
		})
	}
	cur, err := store.Current(ctx, slug)
	if err != nil {
		return nil, err
	}
	st, err = d.newState(cur)
	if err != nil {
		return nil, err
	}
	d.mu.Lock()
	if old := d.byMap[slug]; old == nil || old.rev < st.rev || old.created != st.created {
		if old == nil && len(d.byMap) >= maxStates {
			// a map asked for after many others: forget one, at random
			// (Go's map order); it is made again when asked for
			for other := range d.byMap {
				delete(d.byMap, other)
				break
			}
		}
		d.byMap[slug] = st
	} else {
		st = old
	}
	d.mu.Unlock()
	return st, nil
}

// seed stores the default map from d.Seed: revision 1, or whatever a
// request elsewhere stored first.
func (d *Deployment) seed(ctx context.Context, store *maps.Store) (int, error) {
	data, err := d.Seed(ctx)
	if err != nil {
		return 0, err
	}
	err = store.Create(ctx, d.Default, "", data, "buurtkaart", d.Now().UTC().Format(time.RFC3339))
	if err != nil && !errors.Is(err, maps.ErrExists) {
		return 0, err
	}
	return store.Latest(ctx, d.Default)
}

func (d *Deployment) newState(cur maps.Map) (*mapState, error) {
	m, _ := atlas.Parse(cur.GeoJSON, nil)
	if m == nil {
		return nil, errors.New("host: map " + cur.Slug + " revision does not parse")
	}
	st := &mapState{slug: cur.Slug, rev: cur.Revision.N, created: cur.Created, m: m, data: cur.GeoJSON, bound: cur.Boundary}
	opts := d.Pins
	opts.Rules.Bounds = m.Bounds
	opts.Rules.Premoderate = m.Moderation == "pre"
	opts.Within = within(cur.Boundary, m)
	if d.Keepers != nil {
		opts.Keeper = d.Keepers.Moderates(cur.Slug)
	}
	st.pins = pins.NewHandler(pins.NewStore(d.DB, cur.Slug), opts)
	source := func(context.Context) ([]byte, error) { return st.data, nil }
	ex := download.NewHandler(source, st.pins)
	if d.ExportPerPage > 0 {
		ex.PerPage = d.ExportPerPage
	}
	st.exports = ex
	st.oembed = embed.NewHandler(&embed.Options{Title: m.Title, URL: d.mapURL(cur.Slug), Prefix: d.prefix(cur.Slug)})
	if d.Poster != nil {
		st.poster = d.Poster(cur.Slug, st.pins, func(ctx context.Context) (page.Files, error) { return d.files(ctx, st) })
	}
	return st, nil
}

// key names the map for Pages: its slug and when it was started, so a
// slug used again after a delete never gets the old map's pages.
func (st *mapState) key() string { return st.slug + "@" + st.created }

// within is the pins' boundary check: the store's boundary polygon, else
// the hull of the map's streets.
func within(stored string, m *atlas.Map) func(lon, lat float64) bool {
	if stored != "" {
		var ix boundary.Index
		if ix.Add("kaart", stored) == nil {
			return func(lon, lat float64) bool {
				in, _ := ix.Contains("kaart", lon, lat)
				return in
			}
		}
	}
	return boundary.WithinMap(m)
}

// prefix is where a map's paths lie: "" for the default map's old root
// paths would be ambiguous, so every map's own links use /<slug>.
func (d *Deployment) prefix(slug string) string { return "/" + slug }

// mapURL is the map's public address, "" when the deployment's is unknown.
func (d *Deployment) mapURL(slug string) string {
	if d.BaseURL == "" {
		return ""
	}
	return strings.TrimSuffix(d.BaseURL, "/") + "/" + slug + "/"
}

// files are the map's rendered files at st's revision.
func (d *Deployment) files(ctx context.Context, st *mapState) (page.Files, error) {
	rendered, _, err := d.Pages.Files(ctx, st.key(), st.rev, func() (page.Files, error) { return d.render(st) })
	return rendered.Files, err
}

// render makes the map's files at st's revision.
func (d *Deployment) render(st *mapState) (page.Files, error) {
	return page.Render(st.m, st.data, page.Options{Templates: web.Templates, URL: d.mapURL(st.slug), Boundary: st.bound})
}

// serveMap answers rel (a path relative to the map, "/api/pins") for st.
func (d *Deployment) serveMap(w http.ResponseWriter, r *http.Request, st *mapState, rel string) {
	name := strings.TrimPrefix(rel, "/")
	switch {
	case rel == "/api/map" || strings.HasPrefix(rel, "/api/map/"):
		d.mapAPI.ServeHTTP(w, withPath(r, "/"+st.slug+rel))
	case strings.HasPrefix(rel, "/api/keeper/"):
		if d.Keepers == nil {
			http.NotFound(w, r)
			return
		}
		d.Keepers.ServeHTTP(w, withPath(r, "/"+st.slug+rel))
	case strings.HasPrefix(rel, "/api/"):
		st.pins.ServeHTTP(w, withPath(r, rel))
	case name == "poster.pdf":
		if st.poster == nil {
			http.NotFound(w, r)
			return
		}
		st.poster.ServeHTTP(w, withPath(r, rel))
	case strings.HasPrefix(name, "export."):
		st.exports.ServeHTTP(w, withPath(r, rel))
	case name == "oembed":
		st.oembed.ServeHTTP(w, withPath(r, rel))
	case name == "beheer":
		d.Static.ServeHTTP(w, withPath(r, "/beheer.html"))
	default:
		switch name {
		case "":
			name = "index.html"
		case embed.Path[1:]:
			name = "embed.html"
		}
		if !page.Made(name) {
			d.Static.ServeHTTP(w, withPath(r, rel))
			return
		}
		d.serveFile(w, r, st, name)
	}
}

// withPath is r for a handler that sees path instead.
func withPath(r *http.Request, path string) *http.Request {
	if r.URL.Path == path {
		return r
	}
	r2 := new(http.Request)
	*r2 = *r
	u := *r.URL
	u.Path, u.RawPath = path, ""
	r2.URL = &u
	return r2
}

func (d *Deployment) unavailable(w http.ResponseWriter, err error) {
	if d.Pins.Log != nil {
		d.Pins.Log("host: %v", err)
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(http.StatusServiceUnavailable)
	w.Write([]byte(`{"error":{"code":"store","nl":"De kaart is even niet te lezen.","en":"The map cannot be read right now."}}`))
}
