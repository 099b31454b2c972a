package keepers

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"io"
	"log"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/buurtkaart/buurtkaart/wasm/maps"
	"github.com/buurtkaart/buurtkaart/wasm/pin"
	"github.com/buurtkaart/buurtkaart/wasm/pins"
)

// Options tune NewHandler; nil means defaults.
type Options struct {
	// Secret keys the counters of wrong tokens and codes (the pins API's
	// limiter, pins.Guesses); pass the pins' Options.Secret after FromEnv.
	// Default: random for this Handler.
	Secret []byte
	// WrongSecrets is how many wrong tokens and codes a network may send in
	// an hour: from that one on, every keeper request from it is 429.
	// Default 50.
	WrongSecrets int
	// ClientAddr returns the requester's IP address (only ever used
	// hashed); default the host of r.RemoteAddr (the Worker: the
	// CF-Connecting-IP header, as for the pins).
	ClientAddr func(r *http.Request) string
	// Now is the clock; default time.Now.
	Now func() time.Time
	// Log receives server-side failures; default log.Printf.
	Log func(format string, args ...any)
}

// Handler serves the keeper API of every map at /{slug}/api/keeper/…
// (API.md). MapOptions and Moderates let the maps and pins handlers admit
// the same keepers.
type Handler struct {
	mux     *http.ServeMux
	store   *Store
	maps    *maps.Store
	db      *sql.DB
	guesses *pins.Guesses
	o       Options
}

// NewHandler returns the keeper API over db, whose schema pins.Migrate (or
// wrangler) made.
func NewHandler(db *sql.DB, opts *Options) *Handler {
	o := Options{}
	if opts != nil {
		o = *opts
	}
	if len(o.Secret) == 0 {
		o.Secret = []byte(newSecret())
	}
	if o.WrongSecrets <= 0 {
		o.WrongSecrets = 50
	}
	if o.ClientAddr == nil {
		o.ClientAddr = pins.ClientHost
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.Log == nil {
		o.Log = log.Printf
	}
	h := &Handler{mux: http.NewServeMux(), store: NewStore(db), maps: maps.NewStore(db), db: db,
		guesses: pins.NewGuesses(db, "keepers", o.Secret, o.WrongSecrets), o: o}
	const p = "/{slug}/api/keeper/"
	h.mux.HandleFunc("POST "+p+"session", h.session)
	for route, fn := range map[string]func(http.ResponseWriter, *http.Request, Keeper){
		"GET me":                  h.me,
		"GET keepers":             h.list,
		"POST keepers":            h.add,
		"DELETE keepers/{id}":     h.remove,
		"GET log":                 h.log,
		"GET queue":               h.queue,
		"POST pins/{id}/approve":  h.approve,
		"POST pins/{id}/hide":     h.hide,
		"POST pins/{id}/restore":  h.restore,
		"POST pins/{id}/promote":  h.promote,
		"POST revisions/{n}/undo": h.undo,
	} {
		method, path, _ := strings.Cut(route, " ")
		h.mux.HandleFunc(method+" "+p+path, h.keeper(fn))
	}
	h.mux.HandleFunc(p, func(w http.ResponseWriter, r *http.Request) {
		answer(w, http.StatusNotFound, "not_found", "Dit adres kennen we niet.", "No such API address.")
	})
	return h
}

func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) { h.mux.ServeHTTP(w, r) }

// MapOptions are maps.NewHandler's options that let this map's keepers
// save it (PUT /{slug}/api/map, POST …/check) and log every save.
func (h *Handler) MapOptions() *maps.Options {
	return &maps.Options{
		Keeper: func(w http.ResponseWriter, r *http.Request, slug string) (string, bool) {
			k, ok := h.auth(w, r, slug)
			return k.Name, ok
		},
		Saved: func(r *http.Request, slug, who string, rev maps.Revision) {
			if k, err := h.store.Auth(r.Context(), slug, pins.Bearer(r)); err == nil {
				h.record(r.Context(), slug, k, "map.save", "versie "+strconv.Itoa(rev.N)+summary(rev.Summary))
			}
			h.settle(r.Context(), slug)
		},
	}
}

// settle gives back its pin to every place made of a pin that the map's
// latest revision no longer has (a keeper deleted the place, or undid the
// promotion): the resident's pin is on the map again, never lost.
func (h *Handler) settle(ctx context.Context, slug string) {
	store := pins.NewStore(h.db, slug)
	promoted, err := store.Promoted(ctx)
	if err != nil || len(promoted) == 0 {
		return
	}
	cur, err := h.maps.Current(ctx, slug)
	if err != nil {
		return
	}
	for id, place := range promoted {
		if !maps.HasFeature(cur.GeoJSON, place) {
			if err := store.Unpromote(ctx, id, pin.Visible, place, stamp(h.o.Now())); err != nil {
				h.o.Log("keepers: the pin of a deleted place: %v", err)
			}
		}
	}
}

// Moderates reports whether a request carries a token of one of map
// slug's keepers: pins.Options.Keeper, so keepers may use the pins API's
// moderation endpoints too (which count wrong tokens themselves).
func (h *Handler) Moderates(slug string) func(r *http.Request) bool {
	return func(r *http.Request) bool {
		t := pins.Bearer(r)
		if t == "" {
			return false
		}
		k, err := h.store.Auth(r.Context(), slug, t)
		return err == nil && !k.Revoked && k.Map == slug
	}
}

// keeper guards a call: it runs fn with the request's keeper of the map.
func (h *Handler) keeper(fn func(http.ResponseWriter, *http.Request, Keeper)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if k, ok := h.auth(w, r, r.PathValue("slug")); ok {
			fn(w, r, k)
		}
	}
}

// auth finds the request's keeper of map slug, or answers: 429 for a
// network past its wrong secrets, 401 without a token or with an unknown
// (counted) or revoked one, 403 for another map's keeper.
func (h *Handler) auth(w http.ResponseWriter, r *http.Request, slug string) (Keeper, bool) {
	ctx, now := r.Context(), h.o.Now()
	if h.lockedOut(w, r, now) {
		return Keeper{}, false
	}
	t := pins.Bearer(r)
	k, err := h.store.Auth(ctx, slug, t)
	switch {
	case t == "" || k.Revoked:
	case errors.Is(err, ErrNotFound):
		if h.wrongSecret(w, r, now) {
			return Keeper{}, false
		}
	case err != nil:
		h.fail(w, err)
		return Keeper{}, false
	case k.Map != slug:
		answer(w, http.StatusForbidden, "other_map", "Je beheert een andere kaart, niet deze.", "You keep another map, not this one.")
		return Keeper{}, false
	default:
		return k, true
	}
	w.Header().Set("WWW-Authenticate", `Bearer realm="buurtkaart keepers"`)
	answer(w, http.StatusUnauthorized, "not_keeper", "Alleen voor wie de kaart bijhoudt. Meld je aan met je link.",
		"For the map's keepers only. Sign in with your link.")
	return Keeper{}, false
}

var tooManyGuesses = [2]string{"Te vaak een verkeerde sleutel of link geprobeerd. Wacht tot het volgende uur.",
	"Too many wrong tokens or links tried. Wait until the next hour."}

// lockedOut answers 429 when the requester's network is past its wrong
// secrets, without counting.
func (h *Handler) lockedOut(w http.ResponseWriter, r *http.Request, now time.Time) bool {
	wait, err := h.guesses.Over(r.Context(), h.o.ClientAddr(r), now)
	return h.refused(w, wait, err)
}

// wrongSecret counts a wrong token or code and answers 429 if that was one
// too many.
func (h *Handler) wrongSecret(w http.ResponseWriter, r *http.Request, now time.Time) bool {
	wait, err := h.guesses.Wrong(r.Context(), h.o.ClientAddr(r), now)
	return h.refused(w, wait, err)
}

func (h *Handler) refused(w http.ResponseWriter, wait time.Duration, err error) bool {
	if err != nil {
		h.fail(w, err)
		return true
	}
	if wait > 0 {
		w.Header().Set("Retry-After", strconv.Itoa(int(wait.Seconds())))
		answer(w, http.StatusTooManyRequests, "too_many_guesses", tooManyGuesses[0], tooManyGuesses[1])
		return true
	}
	return false
}

// record logs a keeper's action; a failure is the operator's to see, the
// action itself is done.
func (h *Handler) record(ctx context.Context, slug string, k Keeper, action, detail string) {
	if err := h.store.Record(ctx, slug, k, action, detail, h.o.Now()); err != nil {
		h.o.Log("keepers: %v", err)
	}
}

func (h *Handler) fail(w http.ResponseWriter, err error) {
	h.o.Log("keepers: %v", err)
	w.Header().Set("Retry-After", "10")
	answer(w, http.StatusServiceUnavailable, "storage_unavailable", "Dat lukte nu niet; probeer het zo opnieuw.",
		"That did not work right now; please retry.")
}

func summary(s string) string {
	if s == "" {
		return ""
	}
	return ": " + s
}

// readJSON decodes a small JSON body into v (an empty body leaves v as
// it is); it answers 400 and reports false when it cannot.
func readJSON(w http.ResponseWriter, r *http.Request, v any) bool {
	data, err := io.ReadAll(io.LimitReader(r.Body, 64<<10))
	if err == nil && len(strings.TrimSpace(string(data))) > 0 {
		err = json.Unmarshal(data, v)
	}
	if err != nil {
		answer(w, http.StatusBadRequest, "invalid_json", "Dit verzoek is geen geldige JSON.", "This request is not valid JSON.")
		return false
	}
	return true
}

func answer(w http.ResponseWriter, status int, code, nl, en string) {
	writeJSON(w, status, map[string]any{"error": map[string]string{"code": code, "nl": nl, "en": en}})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(v)
}
