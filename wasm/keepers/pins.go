package keepers

import (
	"errors"
	"net/http"
	"strings"

	"unicode/utf8"

	"github.com/buurtkaart/buurtkaart/wasm/pin"
	"github.com/buurtkaart/buurtkaart/wasm/pins"
)

// queued is a pin as the keepers' queue shows it: everything a keeper
// needs to decide, the author's name too (never the delete token's hash).
type queued struct {
	ID           string   `json:"id"`
	Name         string   `json:"name"`
	Kind         string   `json:"kind"`
	Note         string   `json:"note"`
	Lon          float64  `json:"lon"`
	Lat          float64  `json:"lat"`
	Status       string   `json:"status"`
	Reports      int      `json:"reports"`
	Reasons      []string `json:"reasons"`
	Author       string   `json:"author,omitempty"`
	ShowAuthor   bool     `json:"show_author"`
	CreatedAt    string   `json:"created_at"`
	HiddenReason string   `json:"hidden_reason,omitempty"`
	Place        string   `json:"place,omitempty"`
}

func asQueued(p pins.Stored) queued {
	q := queued{ID: p.ID, Name: p.Name, Kind: string(p.Kind), Note: p.Note, Lon: p.Lon, Lat: p.Lat, Status: string(p.Status),
		Reports: p.Reports, Reasons: []string{}, Author: p.Author, ShowAuthor: p.ShowAuthor, CreatedAt: p.Created,
		HiddenReason: p.HiddenReason, Place: p.Place}
	if p.Reasons != "" {
		q.Reasons = strings.Split(p.Reasons, ",")
	}
	return q
}

func (h *Handler) queue(w http.ResponseWriter, r *http.Request, k Keeper) {
	ps, err := pins.NewStore(h.db, k.Map).Queue(r.Context())
	if err != nil {
		h.fail(w, err)
		return
	}
	out := make([]queued, len(ps))
	for i, p := range ps {
		out[i] = asQueued(p)
	}
	writeJSON(w, http.StatusOK, map[string]any{"pins": out})
}

func (h *Handler) approve(w http.ResponseWriter, r *http.Request, k Keeper) {
	h.moderate(w, r, k, "pin.approve", "", func(s *pins.Store, id, now string) error { return s.SetStatus(r.Context(), id, pin.Visible, now) })
}

func (h *Handler) restore(w http.ResponseWriter, r *http.Request, k Keeper) {
	h.moderate(w, r, k, "pin.restore", "", func(s *pins.Store, id, now string) error { return s.SetStatus(r.Context(), id, pin.Visible, now) })
}

// hide takes a pin off the map with a reason its maker reads on their own
// card (GET /api/pins/{id} with the pin's delete token).
func (h *Handler) hide(w http.ResponseWriter, r *http.Request, k Keeper) {
	var in struct {
		Reason string `json:"reason"`
	}
	if !readJSON(w, r, &in) {
		return
	}
	reason := strings.TrimSpace(in.Reason)
	if n := utf8.RuneCountInString(reason); n < 1 || n > 200 || !utf8.ValidString(reason) {
		answer(w, http.StatusUnprocessableEntity, "invalid_reason", "Schrijf in 1 tot 200 tekens waarom; de maker van de pin leest het.",
			"Say why in 1 to 200 characters; the pin's maker reads it.")
		return
	}
	h.moderate(w, r, k, "pin.hide", reason, func(s *pins.Store, id, now string) error { return s.Hide(r.Context(), id, reason, now) })
}

// moderate runs one moderation step on the pin in the path, logs it and
// answers the pin as it is now.
func (h *Handler) moderate(w http.ResponseWriter, r *http.Request, k Keeper, action, detail string, step func(s *pins.Store, id, now string) error) {
	s, id := pins.NewStore(h.db, k.Map), r.PathValue("id")
	if err := step(s, id, stamp(h.o.Now())); h.pinFailed(w, s, r, err) {
		return
	}
	p, err := s.Get(r.Context(), id)
	if h.pinFailed(w, s, r, err) {
		return
	}
	h.record(r.Context(), k.Map, k, action, pinDetail(p, detail))
	writeJSON(w, http.StatusOK, asQueued(p))
}

// pinFailed answers a pins store error: 409 for a pin that became a place,
// 404 for one that is not there, 503 for the rest.
func (h *Handler) pinFailed(w http.ResponseWriter, s *pins.Store, r *http.Request, err error) bool {
	switch {
	case err == nil:
		return false
	case errors.Is(err, pins.ErrNotFound):
		if p, err := s.Get(r.Context(), r.PathValue("id")); err == nil && p.Status == pins.Promoted {
			answer(w, http.StatusConflict, "promoted", "Deze pin is al een plek op de kaart; verander de plek zelf.",
				"This pin is a place of the map now; change the place itself.")
			return true
		}
		answer(w, http.StatusNotFound, "not_found", "Deze pin bestaat niet (meer).", "This pin does not exist (any more).")
	default:
		h.fail(w, err)
	}
	return true
}

func pinDetail(p pins.Stored, detail string) string {
	s := p.ID
	if p.Name != "" {
		s += " “" + p.Name + "”"
	}
	if detail != "" {
		s += ": " + detail
	}
	return s
}
