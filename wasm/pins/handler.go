package pins

import (
	"crypto/subtle"
	"errors"
	"io"
	"log"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/buurtkaart/buurtkaart/wasm/pin"
)

// Options configure the Handler; the zero value is usable.
type Options struct {
	// Rules are the checks every new pin must pass; default: real coordinates.
	Rules pin.Rules
	// ModeratorToken unlocks the moderation endpoints; empty (the default)
	// disables them. Hosts set it with FromEnv, which refuses short ones.
	ModeratorToken string
	// Keeper, when set, also admits the map's keepers (wasm/keepers:
	// keepers.Handler.Moderates) to the moderation endpoints, with their
	// own bearer tokens; default: only ModeratorToken.
	Keeper func(r *http.Request) bool
	// Secret keys the rate limiter's daily salts and signs device tokens.
	// It must live outside the database (FromEnv reads it from the
	// environment); default: random for this Handler.
	Secret []byte
	// Origins are origins besides the request's own host that may write,
	// e.g. the public address when a proxy rewrites Host
	// ("https://buurt.example"); default none.
	Origins []string
	// Within, when set, is the map's boundary polygon (wasm/boundary): a
	// pin inside the map's bbox but outside its buurt is refused (422
	// outside_boundary); default: the bbox of Rules alone.
	Within func(lon, lat float64) bool
	// Limits per hour; zero means the defaults of Limits.
	Limits Limits
	// ClientAddr returns the requester's IP address for rate limiting (it
	// is only ever used hashed); default: the host of r.RemoteAddr.
	ClientAddr func(r *http.Request) string
	// Now is the clock; default time.Now.
	Now func() time.Time
	// Log receives server-side failures (never request bodies or
	// addresses); default log.Printf.
	Log func(format string, args ...any)
}

type handler struct {
	store *Store
	opts  Options
	limit *limiter
}

// NewHandler returns the pins API, mounted under /api/. See API.md.
func NewHandler(store *Store, opts Options) http.Handler {
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.Log == nil {
		opts.Log = log.Printf
	}
	if opts.ClientAddr == nil {
		opts.ClientAddr = remoteHost
	}
	if len(opts.Secret) == 0 {
		opts.Secret = randomSecret()
	}
	opts.Limits = opts.Limits.withDefaults()
	h := &handler{store: store, opts: opts, limit: &limiter{store, opts.Secret, opts.Limits}}
	mux := http.NewServeMux()
	mux.HandleFunc("POST /api/pins", h.post)
	mux.HandleFunc("GET /api/pins", h.list)
	mux.HandleFunc("GET /api/pins/{id}", h.get)
	mux.HandleFunc("DELETE /api/pins/{id}", h.delete)
	mux.HandleFunc("POST /api/pins/{id}/report", h.report)
	mux.HandleFunc("GET /api/moderation/queue", h.moderator(h.queue))
	mux.HandleFunc("POST /api/pins/{id}/approve", h.moderator(h.setStatus(pin.Visible)))
	mux.HandleFunc("POST /api/pins/{id}/restore", h.moderator(h.setStatus(pin.Visible)))
	mux.HandleFunc("POST /api/pins/{id}/hide", h.moderator(h.setStatus(pin.Hidden)))
	mux.HandleFunc("/api/", func(w http.ResponseWriter, r *http.Request) {
		writeProblem(w, problem(http.StatusNotFound, "not_found", "Dit adres kennen we niet.", "No such API address."))
	})
	return h.sameSite(mux)
}

// created is the answer to a stored pin: the pin as its submitter sent it,
// and the token that lets them delete it.
type created struct {
	pin.Pin
	DeleteToken string `json:"delete_token"`
}

func (h *handler) post(w http.ResponseWriter, r *http.Request) {
	// Read one byte past the limit so an oversized body is told apart
	// from one that is exactly the limit.
	body, err := io.ReadAll(io.LimitReader(r.Body, pin.MaxBody+1))
	if err != nil {
		writeProblem(w, problem(http.StatusBadRequest, "unreadable",
			"De pin kwam niet goed aan; probeer het opnieuw.", "The pin did not arrive intact; try again."))
		return
	}
	now := h.opts.Now()
	p, pr := pin.Decode(body, h.opts.Rules, now)
	if pr == nil && h.opts.Within != nil {
		// The spot as the resident chose it: a talent pin is stored snapped
		// to its cell's centre, which may lie just past the buurt's edge.
		at := pin.Position(body)
		if !h.opts.Within(at.Lon, at.Lat) {
			pr = pin.OutsideBoundary
		}
	}
	if pr != nil {
		writeProblem(w, pr)
		return
	}
	ctx, dev := r.Context(), h.deviceOf(r)
	stamp := now.UTC().Format(time.RFC3339)
	// A stored id is a replay: its maker's is answered before any limit is
	// counted (an outbox confirming what it sent), anyone else's after.
	if old, err := h.store.Get(ctx, p.ID); err == nil {
		h.answerReplay(w, r, p, old, dev, stamp, false)
		return
	} else if !errors.Is(err, ErrNotFound) {
		h.fail(w, err)
		return
	}
	if h.overLimit(w, r, dev, now, tooManyPins) {
		return
	}
	token, err := h.store.deleteToken(ctx, p.ID, dev.id, stamp)
	if err != nil {
		h.fail(w, err)
		return
	}
	stored, err := h.store.Insert(ctx, p, hashToken(token))
	if err != nil {
		h.fail(w, err)
		return
	}
	if stored.DeleteHash != hashToken(token) {
		// A concurrent request with the same id won the insert.
		h.answerReplay(w, r, p, stored, dev, stamp, true)
		return
	}
	h.answerCreated(w, stored.Pin, token)
}

func (h *handler) answerCreated(w http.ResponseWriter, p pin.Pin, token string) {
	w.Header().Set("Location", "/api/pins/"+p.ID)
	writeJSON(w, http.StatusCreated, created{p, token})
}

// makersView is a pin as its maker sees it with the delete token: waiting,
// hidden with the keeper's reason, or promoted to a place.
type makersView struct {
	pin.Pin
	HiddenReason string `json:"hidden_reason,omitempty"`
	Place        string `json:"place,omitempty"`
}

func (h *handler) get(w http.ResponseWriter, r *http.Request) {
	p, err := h.store.Get(r.Context(), r.PathValue("id"))
	if err == nil && p.Status != pin.Visible {
		if t := Bearer(r); t != "" && subtle.ConstantTimeCompare([]byte(hashToken(t)), []byte(p.DeleteHash)) == 1 {
			writeJSON(w, http.StatusOK, makersView{p.Public(), p.HiddenReason, p.Place})
			return
		}
		err = ErrNotFound // not public (yet): as if it were not there
	}
	if h.answered(w, err) {
		return
	}
	writeJSON(w, http.StatusOK, p.Public())
}

// delete erases a pin: its submitter's right, at once, with the token
// from the answer to their POST. A moderator may too. A wrong token counts
// as a guess (see wrongToken).
func (h *handler) delete(w http.ResponseWriter, r *http.Request) {
	id, token := r.PathValue("id"), Bearer(r)
	p, err := h.store.Get(r.Context(), id)
	if h.answered(w, err) {
		return
	}
	isModerator := h.isModerator(r)
	if isModerator && h.lockedOut(w, r) {
		return
	}
	if !isModerator && (token == "" || subtle.ConstantTimeCompare([]byte(hashToken(token)), []byte(p.DeleteHash)) != 1) {
		if token != "" && h.wrongToken(w, r) {
			return
		}
		writeProblem(w, problem(http.StatusForbidden, "wrong_token",
			"Alleen wie de pin zette kan hem weghalen (met de sleutel van dit apparaat).",
			"Only whoever added the pin can remove it (with this device's key)."))
		return
	}
	if err := h.store.Delete(r.Context(), id, hashToken(token), isModerator); err != nil && !errors.Is(err, ErrNotFound) {
		h.fail(w, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// report lets anyone flag a pin for a moderator, with a reason (see
// ReportReasons); it stays up meanwhile. The body may be empty.
func (h *handler) report(w http.ResponseWriter, r *http.Request) {
	reason, pr := readReason(r)
	if pr != nil {
		writeProblem(w, pr)
		return
	}
	if h.overLimit(w, r, h.deviceOf(r), h.opts.Now(), tooMany) || h.answered(w, h.store.Report(r.Context(), r.PathValue("id"), reason)) {
		return
	}
	writeJSON(w, http.StatusAccepted, map[string]string{
		"nl": "Dank je. Een moderator kijkt ernaar.", "en": "Thank you. A moderator will look at it."})
}

var (
	tooManyPins = problem(http.StatusTooManyRequests, "too_many",
		"Je hebt veel pins gezet! Wacht even en probeer het later nog eens; niets is verloren.",
		"You have added many pins! Please wait a while and try again; nothing is lost.")
	tooMany = problem(http.StatusTooManyRequests, "too_many",
		"Even wachten, en probeer het later nog eens.", "Please wait a while and try again.")
)

// overLimit counts one write against the requester's hourly budgets and,
// when one is spent, answers with p and a Retry-After. When the write
// brought an unsigned device token into use, the answer carries its signed
// form in DeviceHeader for the page to keep. It reports whether it answered.
func (h *handler) overLimit(w http.ResponseWriter, r *http.Request, dev device, now time.Time, p *pin.Problem) bool {
	wait, issued, err := h.limit.limited(r.Context(), dev, network(h.opts.ClientAddr(r)), now)
	if h.refused(w, wait, err, p) {
		return true
	}
	if issued {
		w.Header().Set(DeviceHeader, h.signed(dev.id))
	}
	return false
}

// refused answers a limiter's verdict, if it refuses: p with Retry-After
// when wait > 0, 503 on a storage error. It reports whether it answered.
func (h *handler) refused(w http.ResponseWriter, wait time.Duration, err error, p *pin.Problem) bool {
	if err != nil {
		h.fail(w, err)
		return true
	}
	if wait > 0 {
		w.Header().Set("Retry-After", strconv.Itoa(int(wait.Seconds())))
		writeProblem(w, p)
		return true
	}
	return false
}

// answered answers a store error, if there is one: 404 for an unknown pin,
// 503 for anything else. It reports whether it answered.
func (h *handler) answered(w http.ResponseWriter, err error) bool {
	switch {
	case err == nil:
		return false
	case errors.Is(err, ErrNotFound):
		writeProblem(w, notFound)
	default:
		h.fail(w, err)
	}
	return true
}

var notFound = problem(http.StatusNotFound, "not_found", "Deze pin bestaat niet (meer).", "This pin does not exist (any more).")

// Bearer is the token of a request's "Authorization: Bearer …" header, ""
// without one: the one reading of it for pins, keepers and the host.
func Bearer(r *http.Request) string {
	t, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	if !ok {
		return ""
	}
	return strings.TrimSpace(t)
}
