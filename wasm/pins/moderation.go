package pins

import (
	"crypto/subtle"
	"net/http"
	"time"

	"github.com/buurtkaart/buurtkaart/wasm/pin"
)

// isModerator checks the bearer token against the moderator secret in
// constant time, then asks the keepers (Options.Keeper). No secret and no
// keepers configured means no moderator.
func (h *handler) isModerator(r *http.Request) bool {
	t := Bearer(r)
	if t == "" {
		return false
	}
	if h.opts.ModeratorToken != "" && subtle.ConstantTimeCompare([]byte(t), []byte(h.opts.ModeratorToken)) == 1 {
		return true
	}
	return h.opts.Keeper != nil && h.opts.Keeper(r)
}

// moderator guards a moderation endpoint. Wrong tokens count against the
// requester's network; past Limits.WrongTokensPerAddress in an hour it is
// 429 for every moderator request from there, the right token too, so
// guessing learns nothing.
func (h *handler) moderator(next http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if h.opts.ModeratorToken == "" && h.opts.Keeper == nil {
			writeProblem(w, problem(http.StatusForbidden, "moderation_off",
				"Moderatie is voor deze kaart niet ingesteld.", "Moderation is not set up for this map."))
			return
		}
		if !h.isModerator(r) {
			if Bearer(r) != "" && h.wrongToken(w, r) {
				return
			}
			w.Header().Set("WWW-Authenticate", `Bearer realm="buurtkaart moderation"`)
			writeProblem(w, problem(http.StatusUnauthorized, "not_moderator",
				"Alleen voor moderatoren.", "For moderators only."))
			return
		}
		if h.lockedOut(w, r) {
			return
		}
		next(w, r)
	}
}

var tooManyGuesses = problem(http.StatusTooManyRequests, "too_many_tries",
	"Te vaak een verkeerde sleutel geprobeerd. Wacht tot het volgende uur.",
	"Too many wrong tokens tried. Wait until the next hour.")

// guesses is the requester's network's budget of wrong tokens.
func (h *handler) guesses(r *http.Request) budget {
	return budget{"wrong-token:" + network(h.opts.ClientAddr(r)), h.opts.Limits.WrongTokensPerAddress}
}

// wrongToken counts a wrong moderator or delete token and, past the
// budget, answers 429. It reports whether it answered.
func (h *handler) wrongToken(w http.ResponseWriter, r *http.Request) bool {
	wait, err := h.limit.count(r.Context(), h.guesses(r), h.opts.Now())
	return h.refused(w, wait, err, tooManyGuesses)
}

// lockedOut answers 429 if the requester's network is past its budget of
// wrong tokens, without counting. It reports whether it answered.
func (h *handler) lockedOut(w http.ResponseWriter, r *http.Request) bool {
	wait, err := h.limit.over(r.Context(), h.guesses(r), h.opts.Now())
	return h.refused(w, wait, err, tooManyGuesses)
}

// queue lists pending and reported pins, with everything a moderator needs
// to decide (the author's name too, but never the delete token's hash).
func (h *handler) queue(w http.ResponseWriter, r *http.Request) {
	ps, err := h.store.Queue(r.Context())
	if err != nil {
		h.fail(w, err)
		return
	}
	h.store.purge(r.Context(), h.opts.Now())
	if ps == nil {
		ps = []Stored{}
	}
	writeJSON(w, http.StatusOK, map[string]any{"pins": ps})
}

func (h *handler) setStatus(st pin.Status) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		id := r.PathValue("id")
		if h.answered(w, h.store.SetStatus(r.Context(), id, st, h.opts.Now().UTC().Format(time.RFC3339))) {
			return
		}
		p, err := h.store.Get(r.Context(), id)
		if h.answered(w, err) {
			return
		}
		writeJSON(w, http.StatusOK, p)
	}
}
