package main

import (
	"context"
	"database/sql"
	"errors"
	"flag"
	"fmt"
	"github.com/buurtkaart/buurtkaart/wasm/host"
	"github.com/buurtkaart/buurtkaart/wasm/keepers"
	"github.com/buurtkaart/buurtkaart/wasm/page"
	"log"
	"mime"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"golang.org/x/net/netutil"

	"github.com/buurtkaart/buurtkaart/wasm/pins"
)

// serve builds the site and serves it with the pins API over an SQLite file.
func serve(args []string) error {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	addr := fs.String("addr", "127.0.0.1:8080", "address to listen on")
	mapPath := fs.String("map", "geodata/schilderswijk.geojson", "map file (GeoJSON)")
	dbPath := fs.String("db", "buurtkaart.db", "SQLite file for residents' pins (created if missing)")
	out := fs.String("out", "build/site", "folder for the built site")
	url := fs.String("url", "", "the map's public address, for the poster's QR code; default http://<addr>/")
	if err := fs.Parse(args); err != nil {
		return exitError{}
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	s, m, data, err := prepare(*mapPath, *out)
	if err != nil {
		return err
	}
	db, err := openDB(ctx, *dbPath)
	if err != nil {
		return err
	}
	defer db.Close()
	s.url = firstNonEmpty(*url, "http://"+*addr+"/")
	if err := s.build(m, data); err != nil {
		return err
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return err
	}
	slug := mapKey(*mapPath)
	stored, err := storeMap(ctx, db, slug, m, data)
	if err != nil {
		return err
	}
	// The public address may write too: behind a proxy that rewrites Host,
	// the page's Origin is that address, not the Host serve sees.
	opts := pins.Options{Origins: []string{s.url}}
	// BUURTKAART_MODERATOR_TOKEN and BUURTKAART_LIMIT_SECRET: a short one
	// stops serve here, with what to do.
	warning, err := opts.FromEnv(os.Getenv)
	if err != nil {
		return err
	}
	if warning != "" {
		fmt.Fprintln(os.Stderr, "buurtkaart:", warning)
	}
	srv := newServer(deployment(db, s, slug, opts), serverLimits{})
	fmt.Printf("buurtkaart: the map is kept in the store as %q, revision %d (GET /%s/api/map)\n", slug, stored.Revision.N, slug)
	fmt.Printf("buurtkaart: %s (%d places) on http://%s/%s/  — pins in %s\n", m.Title, len(m.Places), ln.Addr(), slug, *dbPath)
	go func() {
		<-ctx.Done()
		shut, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		srv.Shutdown(shut)
	}()
	if err := srv.Serve(ln); !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// serverLimits bound what one client can hold of serve; the zero value of
// each field means its default.
type serverLimits struct {
	// ReadHeader: from the connection's first byte to the end of the
	// headers. Default 5 s.
	ReadHeader time.Duration
	// Read: the whole request, body included. A pin is at most 16 KiB: on a
	// slow 2G line (50 kbit/s) under 3 s, so 10 s is generous to residents
	// and short for a client trickling a body (the review held 300 such
	// POSTs open for 42 s). Default 10 s.
	Read time.Duration
	// Write: from the end of the headers to the last byte of the answer,
	// composing it included: an A1 poster under load, or an export to a
	// slow phone, fits; a client that stops reading does not hold on.
	// Default 2 min.
	Write time.Duration
	// Idle: a kept-alive connection waiting for its next request. Default 60 s.
	Idle time.Duration
	// HeaderBytes: the most header a request may send (431 above it); the
	// page sends well under 2 KiB and no cookies. Default 32 KiB.
	HeaderBytes int
	// Conns: open connections at most; more wait in the listen queue until
	// one closes. Each costs a goroutine and ~10 KB, so the default 4,096
	// is ~40 MB, and a 1,000-connection slow-body attack leaves room for
	// normal GETs (which stay answered within 1 s). Default 4,096.
	Conns int
}

func (l serverLimits) withDefaults() serverLimits {
	def := func(d *time.Duration, v time.Duration) {
		if *d <= 0 {
			*d = v
		}
	}
	def(&l.ReadHeader, 5*time.Second)
	def(&l.Read, 10*time.Second)
	def(&l.Write, 2*time.Minute)
	def(&l.Idle, 60*time.Second)
	if l.HeaderBytes <= 0 {
		l.HeaderBytes = 32 << 10
	}
	if l.Conns <= 0 {
		l.Conns = 4096
	}
	return l
}

// server is serve's http.Server with its connection cap.
type server struct {
	*http.Server
	maxConns int
}

// Serve accepts at most maxConns connections on ln at a time.
func (s server) Serve(ln net.Listener) error {
	return s.Server.Serve(netutil.LimitListener(ln, s.maxConns))
}

// newServer puts h behind the timeouts and limits of l.
func newServer(h http.Handler, l serverLimits) server {
	l = l.withDefaults()
	return server{&http.Server{
		Handler:           h,
		ReadHeaderTimeout: l.ReadHeader,
		ReadTimeout:       l.Read,
		WriteTimeout:      l.Write,
		IdleTimeout:       l.Idle,
		MaxHeaderBytes:    l.HeaderBytes,
	}, l.Conns}
}

// mapKey names a map's pins in a database that may hold several maps: the
// map file's name without extension ("schilderswijk"), as the Worker's
// BUURTKAART_MAP does.
func mapKey(path string) string {
	return strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
}

func init() {
	// Go's table lacks the web app manifest; Chromium accepts text/plain,
	// other browsers may not.
	mime.AddExtensionType(".webmanifest", "application/manifest+json")
}

// deployment serves every map of the store (wasm/host): each at /<slug>/
// with its pins, pages, embed, poster and exports, rendered per revision
// in memory; the root paths are the default map's (the --map file), as
// before maps lived in the store; the shared site's files come from dir.
func deployment(db *sql.DB, s site, slug string, opts pins.Options) http.Handler {
	// one gate and one cache of posters for every map: their limits are
	// the machine's (poster_http.go)
	posters := newPosterServer(nil, nil, posterLimits{})
	return logRequests(securityHeaders(&host.Deployment{
		DB: db, Default: slug, BaseURL: s.url, Pins: opts,
		Keepers: keepers.NewHandler(db, &keepers.Options{Secret: opts.Secret}),
		Static:  noCache(siteFiles(s.out)),
		Pages:   &host.Memory{Compress: brotliBytes, Recompress: brotliBest},
		Poster: func(_ string, api http.Handler, files func(context.Context) (page.Files, error)) http.Handler {
			return posters.with(api, files)
		},
	}))
}

// noCache makes the browser revalidate every file, so a rebuilt wasm or map
// is seen at the next reload (files still get ETag-free 304s by mtime).
func noCache(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "no-cache")
		h.ServeHTTP(w, r)
	})
}

// logRequests logs method, path, status and duration — never the client's
// address: residents' IP addresses are not ours to keep. The path is logged
// as sent, percent-encoded: decoded, a request for "/%0A%1B[2J…" would
// write a newline and terminal escapes into the log (a forged line, a
// cleared screen).
func logRequests(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		rec := &statusRecorder{ResponseWriter: w, status: http.StatusOK}
		h.ServeHTTP(rec, r)
		if r.URL.Path == "/api/pins" || rec.status >= 400 {
			log.Printf("%s %s %d %s", r.Method, r.URL.EscapedPath(), rec.status, time.Since(start).Round(time.Microsecond))
		}
	})
}

type statusRecorder struct {
	http.ResponseWriter
	status int
}

func (r *statusRecorder) WriteHeader(code int) {
	r.status = code
	r.ResponseWriter.WriteHeader(code)
}

// Unwrap lets handlers flush or set deadlines through http.ResponseController.
func (r *statusRecorder) Unwrap() http.ResponseWriter { return r.ResponseWriter }
