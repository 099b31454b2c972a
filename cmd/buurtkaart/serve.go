package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
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

	"github.com/buurtkaart/buurtkaart/wasm/download"
	"github.com/buurtkaart/buurtkaart/wasm/embed"
	"github.com/buurtkaart/buurtkaart/wasm/pin"
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
	api := pins.NewHandler(pins.NewStore(db, mapKey(*mapPath)), pins.Options{
		Rules:          pin.Rules{Bounds: m.Bounds, Premoderate: m.Moderation == "pre"},
		ModeratorToken: os.Getenv("BUURTKAART_MODERATOR_TOKEN"),
	})
	srv := &http.Server{Handler: routes(api, s.out, &embed.Options{Title: m.Title}), ReadHeaderTimeout: 10 * time.Second}
	fmt.Printf("buurtkaart: %s (%d places) on http://%s/  — pins in %s\n", m.Title, len(m.Places), ln.Addr(), *dbPath)
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

// routes puts the pins API and the oEmbed endpoint next to the built site,
// all with the security headers of headers.go.
func routes(api http.Handler, siteDir string, oembed *embed.Options) http.Handler {
	mux := http.NewServeMux()
	mux.Handle("/api/", api)
	mux.Handle("/poster.pdf", posterHandler(api, siteDir))
	exports := download.NewHandler(func(context.Context) ([]byte, error) {
		return os.ReadFile(filepath.Join(siteDir, "map.geojson"))
	}, api)
	for f := range download.Formats {
		mux.Handle("/export."+f, exports)
	}
	mux.Handle("/oembed", embed.NewHandler(oembed))
	mux.Handle("/", noCache(siteFiles(siteDir)))
	return logRequests(securityHeaders(mux))
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
// address: residents' IP addresses are not ours to keep.
func logRequests(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		rec := &statusRecorder{ResponseWriter: w, status: http.StatusOK}
		h.ServeHTTP(rec, r)
		if r.URL.Path == "/api/pins" || rec.status >= 400 {
			log.Printf("%s %s %d %s", r.Method, r.URL.Path, rec.status, time.Since(start).Round(time.Microsecond))
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
