package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"github.com/buurtkaart/buurtkaart/wasm/page"
	"net/http"
	"runtime"
	"strconv"
	"time"

	"github.com/buurtkaart/buurtkaart/wasm/atlas"
	"github.com/buurtkaart/buurtkaart/wasm/download"
	"github.com/buurtkaart/buurtkaart/wasm/pin"
	"github.com/buurtkaart/buurtkaart/wasm/poster"
)

// posterLimits bound what /poster.pdf may cost serve; the zero value of
// each field means its default. An A1 PNG takes ~170 MB and 2.5 s of a
// core: the review's 24 at once took the process to 3.9 GB.
type posterLimits struct {
	// Renders: posters composed at once. Default half the CPUs, at least 1.
	Renders int
	// Queue: requests waiting for a turn beyond those; more are refused
	// at once with 503 and Retry-After. Default 4.
	Queue int
	// Wait: the longest a request waits for its turn. Default 30 s.
	Wait time.Duration
	// CacheBytes: made posters kept for the same request (map, paper,
	// format, ink, title, day and pins alike). Default 64 MB: a dozen A1 PNGs.
	CacheBytes int
	// Pins: residents' pins on one poster at most, the oldest first; the
	// poster says when there are more. Default 500: an A1 PNG with 1,000
	// took 5 s and 210 MB, an A4 with 53,000 took 7.5 s and 50 sheets.
	Pins int
}

func (l posterLimits) withDefaults() posterLimits {
	if l.Renders <= 0 {
		l.Renders = max(1, runtime.NumCPU()/2)
	}
	if l.Queue <= 0 {
		l.Queue = 4
	}
	if l.Wait <= 0 {
		l.Wait = 30 * time.Second
	}
	if l.CacheBytes <= 0 {
		l.CacheBytes = 64 << 20
	}
	if l.Pins <= 0 {
		l.Pins = 500
	}
	return l
}

// posterRetry is the Retry-After of a busy answer: about what the queue
// ahead takes to clear (4 A1 PNGs of 2.5 s).
const posterRetry = 10 * time.Second

var posterTypes = map[string]string{"pdf": "application/pdf", "svg": "image/svg+xml", "png": "image/png"}

// posterServer answers GET /poster.pdf?size=A2[&landscape=1][&format=png]
// [&ink=zwart][&title=…] with a poster of the served map (the site's
// map.geojson) and its visible pins, read through the pins API so it sees
// what the public sees. The QR code points to the map's configured public
// address (the site's qr.json: serve's --url, else its own address), never
// to the Host the request named. Posters are made a few at a time, kept
// by what they are made of, and hold at most limits.Pins pins.
type posterServer struct {
	api    http.Handler
	files  func(context.Context) (page.Files, error) // the map's rendered files: map.geojson, qr.json
	limits posterLimits
	gate   *posterGate
	cache  *posterCache
	render func(posterJob, []byte, string) ([]byte, error) // default renderPoster
}

// with is a poster server for another map that shares s's gate and cache:
// the limits hold for the whole deployment, not for each of its maps.
func (s *posterServer) with(api http.Handler, files func(context.Context) (page.Files, error)) *posterServer {
	c := *s
	c.api, c.files = api, files
	return &c
}

func newPosterServer(api http.Handler, files func(context.Context) (page.Files, error), l posterLimits) *posterServer {
	l = l.withDefaults()
	return &posterServer{api: api, files: files, limits: l, gate: newPosterGate(l.Renders, l.Queue),
		cache: newPosterCache(l.CacheBytes), render: renderPoster}
}

func (s *posterServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method == http.MethodHead {
		// the browser's poster page asks whether this server makes
		// PDFs (the Worker does not); composing one to say so is waste
		w.Header().Set("Content-Type", "application/pdf")
		return
	}
	q := r.URL.Query()
	size, err := poster.ParseSize(q.Get("size"))
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	format := firstNonEmpty(q.Get("format"), "pdf")
	if posterTypes[format] == "" {
		http.Error(w, fmt.Sprintf("poster: unknown format %q; use pdf, svg or png", format), http.StatusBadRequest)
		return
	}
	ink, err := poster.ParseInk(q.Get("ink"))
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	files, err := s.files(r.Context())
	if err != nil || files["map.geojson"] == nil {
		http.Error(w, "poster: the map is not built yet", http.StatusServiceUnavailable)
		return
	}
	mapData := files["map.geojson"]
	job := posterJob{Paper: poster.Paper{Size: size, Landscape: q.Get("landscape") == "1"}, Title: q.Get("title"),
		URL: publicURL(files), Date: time.Now(), Ink: ink}
	if job.Pins, job.PinsCut, err = s.pins(r); err != nil {
		http.Error(w, "poster: pins unavailable", http.StatusServiceUnavailable)
		return
	}
	res := s.cache.do(r.Context(), posterKey(job, mapData, format), func() posterResult {
		leave, ok := s.gate.enter(r.Context(), s.limits.Wait)
		if !ok {
			return posterResult{status: http.StatusServiceUnavailable}
		}
		defer leave()
		body, err := s.render(job, mapData, format)
		if err != nil {
			return posterResult{status: http.StatusBadRequest, err: err}
		}
		return posterResult{status: http.StatusOK, body: body}
	})
	switch {
	case res.status == http.StatusServiceUnavailable:
		w.Header().Set("Retry-After", strconv.Itoa(int(posterRetry.Seconds())))
		http.Error(w, "Er worden nu veel posters gemaakt; probeer het zo nog eens. / Busy making posters; try again shortly.", res.status)
	case res.err != nil:
		http.Error(w, res.err.Error(), res.status)
	default:
		w.Header().Set("Content-Type", posterTypes[format])
		w.Header().Set("Content-Disposition", `inline; filename="buurtkaart-`+size.String()+`.`+format+`"`)
		// made for this map's public address, but of the pins of the
		// moment: a browser may keep it, a shared cache may not
		w.Header().Set("Cache-Control", "private, no-cache")
		w.Write(res.body)
	}
}

// pins reads at most limits.Pins visible pins, oldest first, and whether
// there were more: one more is read to know, no page beyond that.
func (s *posterServer) pins(r *http.Request) (ps []pin.Pin, cut bool, err error) {
	for p, err := range download.Pins(r.Context(), s.api, s.limits.Pins+1) {
		if err != nil {
			return nil, false, err
		}
		if len(ps) == s.limits.Pins {
			return ps, true, nil
		}
		ps = append(ps, p)
	}
	return ps, false, nil
}

// publicURL is the pin form's address the site was built with (qr.json),
// or "" (the poster then draws a placeholder).
func publicURL(files page.Files) string {
	var code qrCode
	json.Unmarshal(files["qr.json"], &code)
	return code.URL
}

// posterKey names a poster by all it is made of: the map's revision (a
// hash of its file), paper, format, ink, title, URL, day and pins.
func posterKey(j posterJob, mapData []byte, format string) string {
	h := sha256.New()
	h.Write(mapData)
	fmt.Fprintf(h, "\x00%s\x00%s\x00%s\x00%q\x00%s\x00%s\x00%t\x00", j.Paper, format, j.Ink, j.Title, j.URL, j.Date.Format(time.DateOnly), j.PinsCut)
	json.NewEncoder(h).Encode(pin.Collection(j.Pins))
	return hex.EncodeToString(h.Sum(nil))
}

// renderPoster makes the poster of job in format from the map file's bytes.
func renderPoster(job posterJob, mapData []byte, format string) ([]byte, error) {
	m, _ := atlas.Parse(mapData, nil)
	if m == nil {
		return nil, errors.New("poster: the map file cannot be read")
	}
	f, err := loadPosterFont()
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if _, err := job.write(&buf, m, f, format); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
