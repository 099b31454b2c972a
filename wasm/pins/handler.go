package pins

import (
	"encoding/json"
	"errors"
	"io"
	"log"
	"net/http"
	"time"

	"github.com/buurtkaart/buurtkaart/wasm/pin"
)

// Options configure the Handler; the zero value is usable.
type Options struct {
	// Rules are the checks every new pin must pass; default: real coordinates.
	Rules pin.Rules
	// Now is the clock; default time.Now.
	Now func() time.Time
	// Log receives server-side failures (never request bodies or addresses);
	// default log.Printf.
	Log func(format string, args ...any)
}

type handler struct {
	store *Store
	opts  Options
}

// NewHandler returns the pins API, mounted under /api/pins:
//
//	POST /api/pins        store a pin (idempotent by its id)
//	GET  /api/pins        all pins as a GeoJSON FeatureCollection
//	GET  /api/pins/{id}   one pin
func NewHandler(store *Store, opts Options) http.Handler {
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.Log == nil {
		opts.Log = log.Printf
	}
	h := &handler{store: store, opts: opts}
	mux := http.NewServeMux()
	mux.HandleFunc("POST /api/pins", h.post)
	mux.HandleFunc("GET /api/pins", h.list)
	mux.HandleFunc("GET /api/pins/{id}", h.get)
	mux.HandleFunc("/api/", func(w http.ResponseWriter, r *http.Request) {
		writeProblem(w, &pin.Problem{Status: http.StatusNotFound, Code: "not_found",
			NL: "Dit adres kennen we niet.", EN: "No such API address."})
	})
	return mux
}

func (h *handler) post(w http.ResponseWriter, r *http.Request) {
	// Read one byte past the limit so an oversized body is told apart
	// from one that is exactly the limit.
	body, err := io.ReadAll(io.LimitReader(r.Body, pin.MaxBody+1))
	if err != nil {
		writeProblem(w, &pin.Problem{Status: http.StatusBadRequest, Code: "unreadable",
			NL: "De pin kwam niet goed aan; probeer het opnieuw.", EN: "The pin did not arrive intact; try again."})
		return
	}
	p, pr := pin.Decode(body, h.opts.Rules, h.opts.Now())
	if pr != nil {
		writeProblem(w, pr)
		return
	}
	stored, _, err := h.store.Put(r.Context(), p)
	if err != nil {
		h.fail(w, err)
		return
	}
	if !stored.Same(p) {
		writeProblem(w, pin.Clash)
		return
	}
	// A replay answers exactly as the first time: same status, same pin.
	w.Header().Set("Location", "/api/pins/"+stored.ID)
	writeJSON(w, http.StatusCreated, stored)
}

func (h *handler) get(w http.ResponseWriter, r *http.Request) {
	p, err := h.store.Get(r.Context(), r.PathValue("id"))
	if errors.Is(err, ErrNotFound) {
		writeProblem(w, &pin.Problem{Status: http.StatusNotFound, Code: "not_found",
			NL: "Deze pin bestaat niet (meer).", EN: "This pin does not exist (any more)."})
		return
	}
	if err != nil {
		h.fail(w, err)
		return
	}
	writeJSON(w, http.StatusOK, p)
}

func (h *handler) list(w http.ResponseWriter, r *http.Request) {
	ps, err := h.store.List(r.Context())
	if err != nil {
		h.fail(w, err)
		return
	}
	w.Header().Set("Content-Type", "application/geo+json")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(http.StatusOK)
	json.NewEncoder(w).Encode(pin.Collection(ps))
}

// fail answers a storage failure without leaking its details: a full disk or
// a locked file is the operator's problem, and the resident can retry.
func (h *handler) fail(w http.ResponseWriter, err error) {
	h.opts.Log("pins: %v", err)
	writeProblem(w, &pin.Problem{Status: http.StatusServiceUnavailable, Code: "storage_unavailable",
		NL: "De pin kon nu niet bewaard worden; probeer het zo opnieuw. Er is niets half opgeslagen.",
		EN: "The pin could not be saved right now; please retry. Nothing was half saved."})
}

func writeProblem(w http.ResponseWriter, pr *pin.Problem) {
	writeJSON(w, pr.Status, struct {
		Error *pin.Problem `json:"error"`
	}{pr})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(v)
}
