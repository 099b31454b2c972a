package keepers

import (
	"errors"
	"net/http"
)

// session trades a sign-in code for a token. A wrong code counts against
// the network as a wrong token does.
func (h *Handler) session(w http.ResponseWriter, r *http.Request) {
	slug, now := r.PathValue("slug"), h.o.Now()
	if h.lockedOut(w, r, now) {
		return
	}
	var in struct {
		Code string `json:"code"`
	}
	if !readJSON(w, r, &in) {
		return
	}
	k, token, err := h.store.SignIn(r.Context(), slug, in.Code, now)
	if errors.Is(err, ErrNotFound) {
		if !h.wrongSecret(w, r, now) {
			answer(w, http.StatusUnauthorized, "bad_code", "Deze link werkt niet (meer): hij is al gebruikt, verlopen of onjuist. Vraag een andere beheerder om een nieuwe.",
				"This link does not work (any more): it was used, has expired or is wrong. Ask another keeper for a new one.")
		}
		return
	}
	if err != nil {
		h.fail(w, err)
		return
	}
	h.record(r.Context(), slug, k, "signin", "")
	writeJSON(w, http.StatusOK, map[string]any{"token": token, "keeper": short(k), "map": slug})
}

func short(k Keeper) map[string]string { return map[string]string{"id": k.ID, "name": k.Name} }

func (h *Handler) me(w http.ResponseWriter, r *http.Request, k Keeper) {
	writeJSON(w, http.StatusOK, map[string]any{"keeper": short(k), "map": k.Map})
}

func (h *Handler) list(w http.ResponseWriter, r *http.Request, k Keeper) {
	ks, err := h.store.List(r.Context(), k.Map)
	if err != nil {
		h.fail(w, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"keepers": ks})
}

// add makes a new keeper and answers their sign-in link (relative: the
// page makes it absolute with its own origin).
func (h *Handler) add(w http.ResponseWriter, r *http.Request, k Keeper) {
	var in struct {
		Name string `json:"name"`
	}
	if !readJSON(w, r, &in) {
		return
	}
	nk, code, err := h.store.Add(r.Context(), k.Map, in.Name, k.Name, h.o.Now())
	if errors.Is(err, ErrName) {
		answer(w, http.StatusUnprocessableEntity, "invalid_name", "Geef een naam van 1 tot 60 tekens.", "Give a name of 1 to 60 characters.")
		return
	}
	if err != nil {
		h.fail(w, err)
		return
	}
	h.record(r.Context(), k.Map, k, "keeper.add", nk.Name+" ("+nk.ID+")")
	writeJSON(w, http.StatusCreated, map[string]any{"keeper": short(nk), "link": Link("", k.Map, code)})
}

// Link is a keeper's sign-in link: base (a deployment's address, or ""
// for a path) + /<slug>/beheer#code=CODE. The code is in the fragment, so
// it never reaches a server's log.
func Link(base, slug, code string) string {
	for len(base) > 0 && base[len(base)-1] == '/' {
		base = base[:len(base)-1]
	}
	return base + "/" + slug + "/beheer#code=" + code
}

func (h *Handler) remove(w http.ResponseWriter, r *http.Request, k Keeper) {
	id := r.PathValue("id")
	switch err := h.store.Revoke(r.Context(), k.Map, id, false, h.o.Now()); {
	case errors.Is(err, ErrLast):
		answer(w, http.StatusConflict, "last_keeper", "Een kaart houdt altijd minstens één beheerder.", "A map always keeps at least one keeper.")
	case errors.Is(err, ErrNotFound):
		answer(w, http.StatusNotFound, "not_found", "Deze beheerder bestaat niet (meer).", "No such keeper (any more).")
	case err != nil:
		h.fail(w, err)
	default:
		h.record(r.Context(), k.Map, k, "keeper.remove", id)
		w.WriteHeader(http.StatusNoContent)
	}
}

func (h *Handler) log(w http.ResponseWriter, r *http.Request, k Keeper) {
	es, err := h.store.Log(r.Context(), k.Map, 1000)
	if err != nil {
		h.fail(w, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"log": es})
}
