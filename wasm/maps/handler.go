package maps

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/buurtkaart/buurtkaart/wasm/atlas"
)

// Options tune NewHandler; nil means defaults.
type Options struct {
	// Keeper says who may change the map slug, from the request (a keeper's
	// token: wasm/keepers, Handler.MapOptions). When it refuses (ok false)
	// it has answered the request itself (401, 403, 429). Default: nobody,
	// every change is 401 not_keeper.
	Keeper func(w http.ResponseWriter, r *http.Request, slug string) (who string, ok bool)
	// Saved, when set, hears of every revision saved through the handler
	// (the keepers' log); default nothing.
	Saved func(r *http.Request, slug, who string, rev Revision)
	// MaxBytes bounds a map file sent with PUT; default 8 MiB.
	MaxBytes int64
	// Now is the clock; default time.Now.
	Now func() time.Time
}

// NewHandler serves a store's maps at /{slug}/api/map: GET the current map
// file with ETag "<revision>" (304 for If-None-Match), PUT a new revision
// with If-Match "<revision>" (412 when someone saved meanwhile, 428
// without it, 422 with the file's problems), GET /{slug}/api/map/revisions
// for the history, and POST /{slug}/api/map/check for a keeper's live
// check of a map file (its problems, saving nothing).
func NewHandler(s *Store, opts *Options) http.Handler {
	o := Options{}
	if opts != nil {
		o = *opts
	}
	if o.MaxBytes <= 0 {
		o.MaxBytes = 8 << 20
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	h := &handler{s: s, o: o}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{slug}/api/map", h.get)
	mux.HandleFunc("PUT /{slug}/api/map", h.put)
	mux.HandleFunc("GET /{slug}/api/map/revisions", h.revisions)
	mux.HandleFunc("POST /{slug}/api/map/check", h.check)
	return mux
}

type handler struct {
	s *Store
	o Options
}

// IfMatch reads the revision a write was made on (If-Match: "<n>"); without
// it, it answers 428 and reports false. Saves, promotes and undos alike.
func IfMatch(w http.ResponseWriter, r *http.Request) (int, bool) {
	n, err := strconv.Atoi(strings.Trim(r.Header.Get("If-Match"), `"`))
	if err != nil {
		answer(w, http.StatusPreconditionRequired, "if_match_required",
			"Stuur mee welke versie je veranderde (If-Match).", "Send which revision you changed (If-Match).")
		return 0, false
	}
	return n, true
}

func etag(n int) string { return `"` + strconv.Itoa(n) + `"` }

func (h *handler) get(w http.ResponseWriter, r *http.Request) {
	m, err := h.s.Current(r.Context(), r.PathValue("slug"))
	if h.failed(w, err) {
		return
	}
	w.Header().Set("ETag", etag(m.Revision.N))
	w.Header().Set("Cache-Control", "no-cache")
	if r.Header.Get("If-None-Match") == etag(m.Revision.N) {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	w.Header().Set("Content-Type", "application/geo+json")
	w.Write(m.GeoJSON)
}

func (h *handler) put(w http.ResponseWriter, r *http.Request) {
	slug := r.PathValue("slug")
	who, ok := h.keeper(w, r, slug)
	if !ok {
		return
	}
	base, ok := IfMatch(w, r)
	if !ok {
		return
	}
	data, ok := h.body(w, r)
	if !ok {
		return
	}
	if err := Check(data); err != nil {
		Invalid(w, err.(*InvalidError))
		return
	}
	data = tidy(data)
	// A header carries ASCII only: the workshop percent-encodes a summary
	// such as "Café verplaatst".
	summary := strings.TrimSpace(r.Header.Get("X-Buurtkaart-Summary"))
	if s, err := url.PathUnescape(summary); err == nil {
		summary = s
	}
	at := h.o.Now().UTC().Format(time.RFC3339)
	n, err := h.s.Save(r.Context(), slug, base, data, who, summary, at)
	if errors.Is(err, ErrStale) {
		Stale(w, h.s, r, slug)
		return
	}
	if h.failed(w, err) {
		return
	}
	if h.o.Saved != nil {
		h.o.Saved(r, slug, who, Revision{N: n, Who: who, At: at, Summary: summary})
	}
	w.Header().Set("ETag", etag(n))
	writeJSON(w, http.StatusOK, map[string]any{"revision": n})
}

// tidy writes a map file as atlas.Write does (one feature per line, in a
// fixed order of members, 6 decimals), so the history's revisions differ
// only where a keeper changed something, whatever tool sent the file (the
// workshop sends JSON.stringify's one long line). A file atlas cannot
// write back is kept as sent.
func tidy(data []byte) []byte {
	m, _ := atlas.Parse(data, nil)
	if m == nil {
		return data
	}
	var b bytes.Buffer
	if atlas.Write(&b, m, nil) != nil {
		return data
	}
	return b.Bytes()
}

// check answers a map file's problems, as buurtkaart check finds them,
// saving nothing: the keepers' workshop checks its form as it is typed.
func (h *handler) check(w http.ResponseWriter, r *http.Request) {
	if _, ok := h.keeper(w, r, r.PathValue("slug")); !ok {
		return
	}
	data, ok := h.body(w, r)
	if !ok {
		return
	}
	_, diags := atlas.Parse(data, nil)
	writeJSON(w, http.StatusOK, map[string]any{"problems": Problems(diags)})
}

func (h *handler) keeper(w http.ResponseWriter, r *http.Request, slug string) (string, bool) {
	if h.o.Keeper == nil {
		answer(w, http.StatusUnauthorized, "not_keeper", "Alleen wie de kaart bijhoudt kan hem veranderen.", "Only the map's keepers can change it.")
		return "", false
	}
	return h.o.Keeper(w, r, slug)
}

func (h *handler) body(w http.ResponseWriter, r *http.Request) ([]byte, bool) {
	data, err := io.ReadAll(io.LimitReader(r.Body, h.o.MaxBytes+1))
	if err != nil || int64(len(data)) > h.o.MaxBytes {
		answer(w, http.StatusRequestEntityTooLarge, "too_large", "Dit kaartbestand is te groot.", "This map file is too large.")
		return nil, false
	}
	return data, true
}

// Stale answers 412 stale with the latest revision (in the body and as
// ETag): someone else saved meanwhile. For every If-Match write on a map.
func Stale(w http.ResponseWriter, s *Store, r *http.Request, slug string) {
	n, _ := s.Latest(r.Context(), slug)
	w.Header().Set("ETag", etag(n))
	writeJSON(w, http.StatusPreconditionFailed, map[string]any{"revision": n, "error": map[string]string{"code": "stale",
		"nl": "Iemand anders heeft de kaart intussen veranderd. Bekijk wat er anders is en bewaar je wijziging opnieuw.",
		"en": "Someone else changed the map meanwhile. Look at what changed and save your change again."}})
}

// Invalid answers 422 invalid_map with the file's problems.
func Invalid(w http.ResponseWriter, e *InvalidError) {
	writeJSON(w, http.StatusUnprocessableEntity, map[string]any{"problems": Problems(e.Problems), "error": map[string]string{"code": "invalid_map",
		"nl": "Het kaartbestand heeft fouten; zie de lijst.", "en": "The map file has problems; see the list."}})
}

func (h *handler) revisions(w http.ResponseWriter, r *http.Request) {
	// The history names the keepers who saved: residents' names, for
	// their fellow keepers, not for anyone on the internet.
	if _, ok := h.keeper(w, r, r.PathValue("slug")); !ok {
		return
	}
	rs, err := h.s.History(r.Context(), r.PathValue("slug"))
	if h.failed(w, err) {
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"revisions": rs})
}

// failed answers err, if any: 404 for an unknown map, 503 for the rest.
func (h *handler) failed(w http.ResponseWriter, err error) bool {
	switch {
	case err == nil:
		return false
	case errors.Is(err, ErrNotFound):
		answer(w, http.StatusNotFound, "not_found", "Deze kaart bestaat niet.", "No such map.")
	default:
		w.Header().Set("Retry-After", "10")
		answer(w, http.StatusServiceUnavailable, "storage_unavailable", "De kaart is nu niet te lezen; probeer het zo opnieuw.",
			"The map cannot be read right now; please retry.")
	}
	return true
}

func answer(w http.ResponseWriter, status int, code, nl, en string) {
	writeJSON(w, status, map[string]any{"error": map[string]string{"code": code, "nl": nl, "en": en}})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(v)
}
