package host

import (
	"bytes"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"html"
	"io"
	"net/http"
	"strings"
	"time"

	"github.com/buurtkaart/buurtkaart/wasm/atlas"
	"github.com/buurtkaart/buurtkaart/wasm/boundary"
	"github.com/buurtkaart/buurtkaart/wasm/keepers"
	"github.com/buurtkaart/buurtkaart/wasm/maps"
)

// root answers /: with one map, that map; with more, the list of them.
func (d *Deployment) root(w http.ResponseWriter, r *http.Request) {
	if d.Default != "" {
		// a fresh store gets its default map first (Seed)
		if _, err := d.state(r.Context(), d.Default, true); err != nil && !errors.Is(err, maps.ErrNotFound) {
			d.unavailable(w, err)
			return
		}
	}
	list, err := maps.NewStore(d.DB).List(r.Context())
	if err != nil {
		d.unavailable(w, err)
		return
	}
	if len(list) == 1 {
		http.Redirect(w, r, "/"+list[0].Slug+"/", http.StatusFound)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-cache")
	w.Write([]byte(listPage(list)))
}

// listPage is the page of a deployment's maps, in both languages. (No
// html/template: see wasm/page/tmpl.go for what it costs the Worker.)
func listPage(list []maps.Summary) string {
	var b strings.Builder
	b.WriteString(`<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Buurtkaarten · buurtkaart</title>
<link rel="stylesheet" href="style.css">
</head>
<body class="kaartenlijst">
<main>
<h1>Buurtkaarten <span lang="en">· Neighbourhood maps</span></h1>
<p>Wat de buurten hier hebben, elk op een eigen kaart. <span lang="en">· What the neighbourhoods here have, each on a map of its own.</span></p>
`)
	if len(list) == 0 {
		b.WriteString("<p>Nog geen kaarten. <span lang=\"en\">· No maps yet.</span></p>\n")
	} else {
		b.WriteString("<ul>\n")
		for _, m := range list {
			b.WriteString(`<li><a href="` + html.EscapeString(m.Slug) + `/">` + html.EscapeString(m.Title) + "</a></li>\n")
		}
		b.WriteString("</ul>\n")
	}
	b.WriteString("</main>\n</body>\n</html>\n")
	return b.String()
}

// list answers /api/maps: GET the maps, POST a new one (the deployment's
// moderator token: `buurtkaart maps new` for the Worker's store).
func (d *Deployment) list(w http.ResponseWriter, r *http.Request) {
	switch r.Method {
	case http.MethodGet, http.MethodHead:
		list, err := maps.NewStore(d.DB).List(r.Context())
		if err != nil {
			d.unavailable(w, err)
			return
		}
		if list == nil {
			list = []maps.Summary{}
		}
		writeJSON(w, http.StatusOK, map[string]any{"maps": list})
	case http.MethodPost:
		d.create(w, r)
	default:
		w.Header().Set("Allow", "GET, HEAD, POST")
		problem(w, http.StatusMethodNotAllowed, "method", "Alleen GET of POST.", "GET or POST only.")
	}
}

// newMap is the body of POST /api/maps.
type newMap struct {
	Slug     string          `json:"slug"`
	GeoJSON  json.RawMessage `json:"geojson"`
	Boundary json.RawMessage `json:"boundary"` // optional: a Polygon/MultiPolygon
	Who      string          `json:"who"`
	Keeper   string          `json:"keeper"` // the first keeper's name; default "beheerder"
}

func (d *Deployment) create(w http.ResponseWriter, r *http.Request) {
	if !d.moderator(w, r) {
		return
	}
	var in newMap
	if err := json.NewDecoder(io.LimitReader(r.Body, 8<<20)).Decode(&in); err != nil {
		problem(w, http.StatusBadRequest, "bad_json", "Dit is geen geldige aanvraag.", "The body is not JSON: "+err.Error())
		return
	}
	if !maps.ValidSlug(in.Slug) {
		problem(w, http.StatusUnprocessableEntity, "slug", "Kies een adres van 2–60 kleine letters, cijfers en streepjes.", maps.ErrSlug.Error())
		return
	}
	data := []byte(in.GeoJSON)
	var s string
	if json.Unmarshal(data, &s) == nil { // the file as a JSON string
		data = []byte(s)
	}
	if m, ds := atlas.Parse(data, nil); m == nil {
		msg := "not a map file"
		for _, dg := range ds {
			msg = dg.String()
			break
		}
		problem(w, http.StatusUnprocessableEntity, "map", "Dit kaartbestand klopt niet.", msg)
		return
	}
	bound := ""
	if len(in.Boundary) > 0 && string(in.Boundary) != "null" {
		bound = string(in.Boundary)
		if json.Unmarshal(in.Boundary, &s) == nil {
			bound = s
		}
		if _, err := boundary.Parse(bound); bound != "" && err != nil {
			problem(w, http.StatusUnprocessableEntity, "boundary", "De grens is geen vlak.", err.Error())
			return
		}
	}
	who := in.Who
	if who == "" {
		who = "beheerder"
	}
	err := maps.NewStore(d.DB).Create(r.Context(), in.Slug, bound, data, who, d.Now().UTC().Format(time.RFC3339))
	switch {
	case errors.Is(err, maps.ErrExists):
		problem(w, http.StatusConflict, "exists", "Er is al een kaart met dit adres.", err.Error())
	case err != nil:
		d.unavailable(w, err)
	default:
		out := map[string]any{"slug": in.Slug, "revision": 1, "url": "/" + in.Slug + "/"}
		// A new buurt's map comes with its first keeper's sign-in link: the
		// one who asked for it hands it to a resident, and from then on the
		// buurt keeps its map itself (the workshop, /<slug>/beheer).
		if d.Keepers != nil {
			name := in.Keeper
			if name == "" {
				name = "beheerder"
			}
			_, code, err := keepers.NewStore(d.DB).Add(r.Context(), in.Slug, name, who, d.Now())
			if err != nil {
				d.unavailable(w, err)
				return
			}
			out["keeper_link"] = "/" + in.Slug + "/beheer#code=" + code
		}
		writeJSON(w, http.StatusCreated, out)
	}
}

// moderator admits the deployment's moderator token. Wrong tokens are
// counted by the default map's pins API, as its moderation endpoints
// count them (429 past the budget): the request is put to that API's
// queue, which answers 200 only to the moderator.
func (d *Deployment) moderator(w http.ResponseWriter, r *http.Request) bool {
	token, _ := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	if d.Pins.ModeratorToken == "" || token == "" {
		problem(w, http.StatusUnauthorized, "not_moderator", "Alleen voor beheerders.", "For the deployment's moderator only.")
		return false
	}
	if d.Default != "" {
		if st, err := d.state(r.Context(), d.Default, true); err == nil {
			probe := &recorder{header: http.Header{}, code: http.StatusOK}
			q := withPath(r, "/api/moderation/queue")
			q = q.Clone(r.Context())
			q.Method, q.Body = http.MethodGet, http.NoBody
			st.pins.ServeHTTP(probe, q)
			if probe.code != http.StatusOK {
				for k, v := range probe.header {
					w.Header()[k] = v
				}
				w.WriteHeader(probe.code)
				w.Write(probe.body.Bytes())
				return false
			}
			return true
		}
	}
	if subtle.ConstantTimeCompare([]byte(token), []byte(d.Pins.ModeratorToken)) != 1 {
		problem(w, http.StatusUnauthorized, "not_moderator", "Alleen voor beheerders.", "For the deployment's moderator only.")
		return false
	}
	return true
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(v)
}

func problem(w http.ResponseWriter, status int, code, nl, en string) {
	writeJSON(w, status, map[string]any{"error": map[string]string{"code": code, "nl": nl, "en": en}})
}

// recorder keeps an answer that is not sent.
type recorder struct {
	header http.Header
	code   int
	wrote  bool
	body   bytes.Buffer
}

func (r *recorder) Header() http.Header { return r.header }
func (r *recorder) Write(p []byte) (int, error) {
	r.WriteHeader(http.StatusOK)
	return r.body.Write(p)
}
func (r *recorder) WriteHeader(code int) {
	if !r.wrote {
		r.code, r.wrote = code, true
	}
}
