package keepers

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/buurtkaart/buurtkaart/wasm/kind"
	"github.com/buurtkaart/buurtkaart/wasm/maps"
	"github.com/buurtkaart/buurtkaart/wasm/pins"
)

// place is what a keeper may change of a pin they promote; nil fields keep
// the pin's own.
type place struct {
	Name  *string   `json:"name"`
	Kind  *string   `json:"kind"`
	Note  *string   `json:"note"`
	Links *[]string `json:"links"`
}

// feature is a promoted pin as a place of the map file (geodata/README.md),
// its properties in the order the atlas writer uses.
type feature struct {
	Type       string `json:"type"`
	ID         string `json:"id"`
	Geometry   point  `json:"geometry"`
	Properties props  `json:"properties"`
}

type point struct {
	Type        string     `json:"type"`
	Coordinates [2]float64 `json:"coordinates"`
}

type props struct {
	Name   string   `json:"name"`
	Kind   string   `json:"kind"`
	Note   string   `json:"note,omitempty"`
	Author string   `json:"author,omitempty"`
	Links  []string `json:"links,omitempty"`
}

// PlaceID is the feature id of the place a pin becomes.
func PlaceID(pinID string) string { return "pin-" + pinID }

// promote makes a pin a place: a new revision of the map (on top of
// If-Match) with the place, and the pin's status promoted. The pin is
// marked first and unmarked if the revision cannot be saved, so the map
// never shows it twice: at worst (a crash between) it shows it not at all
// until a keeper promotes it again, which then completes.
func (h *Handler) promote(w http.ResponseWriter, r *http.Request, k Keeper) {
	ctx, s, id := r.Context(), pins.NewStore(h.db, k.Map), r.PathValue("id")
	base, ok := maps.IfMatch(w, r)
	if !ok {
		return
	}
	var in place
	if !readJSON(w, r, &in) {
		return
	}
	p, err := s.Get(ctx, id)
	if errors.Is(err, pins.ErrNotFound) {
		answer(w, http.StatusNotFound, "not_found", "Deze pin bestaat niet (meer).", "This pin does not exist (any more).")
		return
	}
	if err != nil {
		h.fail(w, err)
		return
	}
	f, bad := asFeature(p, in)
	if bad != "" {
		answer(w, http.StatusUnprocessableEntity, "invalid_place", "Deze plek klopt niet: "+bad+".", "This place is not right: "+bad+".")
		return
	}
	cur, err := h.maps.Current(ctx, k.Map)
	if err != nil {
		h.mapFailed(w, r, k.Map, err)
		return
	}
	if p.Status == pins.Promoted && maps.HasFeature(cur.GeoJSON, p.Place) {
		writeJSON(w, http.StatusCreated, map[string]any{"revision": cur.Revision.N, "place": p.Place}) // done before: a retry
		return
	}
	if cur.Revision.N != base {
		maps.Stale(w, h.maps, r, k.Map)
		return
	}
	now := stamp(h.o.Now())
	if p.Status != pins.Promoted {
		if err := s.Promote(ctx, id, p.Status, f.ID, now); err != nil {
			h.pinFailed(w, s, r, err)
			return
		}
	}
	n, err := h.savePlace(r, k, cur, f)
	if err != nil {
		if p.Status != pins.Promoted {
			if err := s.Unpromote(ctx, id, p.Status, f.ID, now); err != nil {
				h.o.Log("keepers: pin %s stays promoted without its place: %v", id, err)
			}
		}
		h.mapFailed(w, r, k.Map, err)
		return
	}
	h.record(ctx, k.Map, k, "pin.promote", pinDetail(p, "plek "+f.ID+" in versie "+strconv.Itoa(n)))
	writeJSON(w, http.StatusCreated, map[string]any{"revision": n, "place": f.ID})
}

func (h *Handler) savePlace(r *http.Request, k Keeper, cur maps.Map, f feature) (int, error) {
	raw, err := json.Marshal(f)
	if err != nil {
		return 0, err
	}
	data, err := maps.PutFeature(cur.GeoJSON, raw)
	if err != nil {
		return 0, err
	}
	if err := maps.Check(data); err != nil {
		return 0, err
	}
	return h.maps.Save(r.Context(), k.Map, cur.Revision.N, data, k.Name, "pin “"+f.Properties.Name+"” is een plek", stamp(h.o.Now()))
}

// asFeature is pin p as a place, with what the keeper changed; bad says
// what is wrong, if anything. The author's name goes along only when the
// resident agreed to show it.
func asFeature(p pins.Stored, in place) (feature, string) {
	pr := props{Name: p.Name, Kind: string(p.Kind), Note: p.Note}
	if in.Name != nil {
		pr.Name = *in.Name
	}
	if in.Kind != nil {
		pr.Kind = *in.Kind
	}
	if in.Note != nil {
		pr.Note = *in.Note
	}
	if in.Links != nil {
		pr.Links = *in.Links
	}
	pr.Name, pr.Note = strings.TrimSpace(pr.Name), strings.TrimSpace(pr.Note)
	if p.ShowAuthor {
		pr.Author = strings.TrimSpace(p.Author)
	}
	f := feature{"Feature", PlaceID(p.ID), point{"Point", [2]float64{p.Lon, p.Lat}}, pr}
	switch {
	case pr.Name == "" || utf8.RuneCountInString(pr.Name) > 120:
		return f, "a name of 1 to 120 characters / een naam van 1 tot 120 tekens"
	case utf8.RuneCountInString(pr.Note) > 1000:
		return f, "a note of at most 1,000 characters / een notitie van hoogstens 1.000 tekens"
	}
	if _, ok := kind.Parse(pr.Kind); !ok {
		return f, fmt.Sprintf("kind %q: talent, verband, plek, verhaal or partner", pr.Kind)
	}
	return f, ""
}

// mapFailed answers a map store error: 412 stale, 422 with the file's
// problems, 404 for a map the store does not have, 503 for the rest.
func (h *Handler) mapFailed(w http.ResponseWriter, r *http.Request, slug string, err error) {
	var invalid *maps.InvalidError
	var conflict *maps.ConflictError
	switch {
	case errors.Is(err, maps.ErrStale):
		maps.Stale(w, h.maps, r, slug)
	case errors.As(err, &invalid):
		maps.Invalid(w, invalid)
	case errors.Is(err, maps.ErrNotFound):
		answer(w, http.StatusNotFound, "not_found", "Deze kaart of versie bestaat niet.", "No such map or revision.")
	case errors.As(err, &conflict):
		writeJSON(w, http.StatusConflict, map[string]any{"error": map[string]string{"code": "changed_since",
			"nl": "Wat deze versie veranderde, is daarna nog eens veranderd. Draai eerst de latere versie terug.",
			"en": "What this revision changed was changed again later. Undo the later revision first."}, "ids": conflict.IDs})
	case errors.Is(err, maps.ErrFirst):
		answer(w, http.StatusConflict, "first_revision", "De eerste versie van een kaart kan niet teruggedraaid worden.",
			"A map's first revision cannot be undone.")
	default:
		h.fail(w, err)
	}
}

// undo saves a revision that reverts revision n feature by feature.
func (h *Handler) undo(w http.ResponseWriter, r *http.Request, k Keeper) {
	n, err := strconv.Atoi(r.PathValue("n"))
	if err != nil {
		answer(w, http.StatusNotFound, "not_found", "Deze versie bestaat niet.", "No such revision.")
		return
	}
	base, ok := maps.IfMatch(w, r)
	if !ok {
		return
	}
	rev, err := h.maps.Undo(r.Context(), k.Map, n, base, k.Name, stamp(h.o.Now()))
	if err != nil {
		h.mapFailed(w, r, k.Map, err)
		return
	}
	h.record(r.Context(), k.Map, k, "map.undo", "versie "+strconv.Itoa(n)+" teruggedraaid in versie "+strconv.Itoa(rev))
	h.settle(r.Context(), k.Map)
	writeJSON(w, http.StatusCreated, map[string]any{"revision": rev})
}
