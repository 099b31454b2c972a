package host

import (
	"bytes"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"html"
	"io"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/buurtkaart/buurtkaart/wasm/atlas"
	"github.com/buurtkaart/buurtkaart/wasm/boundary"
	"github.com/buurtkaart/buurtkaart/wasm/exchange"
	"github.com/buurtkaart/buurtkaart/wasm/keepers"
	"github.com/buurtkaart/buurtkaart/wasm/maps"
	"github.com/buurtkaart/buurtkaart/wasm/pins"
)

// root answers /: with one map, that map; with more, the list of them.
// The default map alone is its page itself, as before the store held
// maps: a redirect would cost a phone on a slow line a round trip (150 ms)
// before the first paint.
func (d *Deployment) root(w http.ResponseWriter, r *http.Request) {
	var st *mapState
	if d.Default != "" {
		// a fresh store gets its default map first (Seed)
		var err error
		if st, err = d.state(r.Context(), d.Default, false); err != nil && !errors.Is(err, maps.ErrNotFound) {
			d.unavailable(w, err)
			return
		}
	}
	store := maps.NewStore(d.DB)
	slugs, err := store.Slugs(r.Context(), 2)
	if err != nil {
		d.unavailable(w, err)
		return
	}
	switch {
	case len(slugs) == 1 && st != nil && slugs[0] == st.slug:
		d.serveMap(w, r, st, "/")
		return
	case len(slugs) == 1:
		http.Redirect(w, r, "/"+slugs[0]+"/", http.StatusFound)
		return
	}
	list, err := store.List(r.Context())
	if err != nil {
		d.unavailable(w, err)
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
<link rel="stylesheet" href="fonts.css">
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
// moderator token, or a keeper's of any map: /nieuw, and `buurtkaart maps
// new` for the Worker's store).
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

// newMap is the body of POST /api/maps: a map file (geojson), or files in
// any mix of the formats exchange.FromFiles reads, made one map.
type newMap struct {
	Slug     string          `json:"slug"`
	GeoJSON  json.RawMessage `json:"geojson"`
	Files    []newFile       `json:"files"`
	Title    string          `json:"title"`    // default the first file's
	CBS      []string        `json:"cbs"`      // CBS buurt codes, "BU05182916"
	Boundary json.RawMessage `json:"boundary"` // optional: a Polygon/MultiPolygon
	Keeper   string          `json:"keeper"`   // the first keeper's name; default "beheerder" (the moderator's maps)
}

// newFile is one file of a new map, as text.
type newFile struct {
	Name string `json:"name"`
	Data string `json:"data"`
}

// reservedHere are slugs the host's own pages take: /nieuw starts a map.
var reservedHere = map[string]bool{"nieuw": true}

var cbsCode = regexp.MustCompile(`^BU[0-9]{8}$`)

// create starts a map: for the deployment's moderator, or for a keeper of
// any of its maps, who becomes the new map's first keeper under their own
// name (and their map's log says so).
// MapsPerHour is how many maps one keeper (or the moderator) may start in
// an hour.
const MapsPerHour = 20

func (d *Deployment) create(w http.ResponseWriter, r *http.Request) {
	k, ok := d.creator(w, r)
	if !ok {
		return
	}
	var in newMap
	if err := json.NewDecoder(io.LimitReader(r.Body, 8<<20)).Decode(&in); err != nil {
		problem(w, http.StatusBadRequest, "bad_json", "Dit is geen geldige aanvraag.", "The body is not JSON: "+err.Error())
		return
	}
	if !maps.ValidSlug(in.Slug) || reservedHere[in.Slug] {
		problem(w, http.StatusUnprocessableEntity, "slug", "Kies een adres van 2–60 kleine letters, cijfers en streepjes.", maps.ErrSlug.Error())
		return
	}
	for _, c := range in.CBS {
		if !cbsCode.MatchString(c) {
			problem(w, http.StatusUnprocessableEntity, "cbs", "Een CBS-buurtcode is BU met acht cijfers, zoals BU05182916.",
				"A CBS buurt code is BU and eight digits, like BU05182916: "+strconv.Quote(c))
			return
		}
	}
	store := maps.NewStore(d.DB)
	if _, err := store.Latest(r.Context(), in.Slug); err == nil {
		problem(w, http.StatusConflict, "exists", "Er is al een kaart met dit adres.", maps.ErrExists.Error())
		return
	}
	starter := "beheerder"
	if k != nil {
		starter = k.Name
	}
	// A keeper starts a map for a neighbouring buurt now and then; dozens
	// an hour is a script, and every map costs a render and memory.
	since := d.Now().Add(-time.Hour).UTC().Format(time.RFC3339)
	if n, err := store.Started(r.Context(), starter, since); err == nil && n >= MapsPerHour {
		w.Header().Set("Retry-After", "3600")
		problem(w, http.StatusTooManyRequests, "too_many_maps", "Je startte dit uur al veel kaarten. Probeer het later nog eens.",
			"You started many maps this hour. Try again later.")
		return
	}
	m, data, notes, ok := d.newMapFile(w, in)
	if !ok {
		return
	}
	bound := ""
	if len(in.Boundary) > 0 && string(in.Boundary) != "null" {
		bound = string(in.Boundary)
		var s string
		if json.Unmarshal(in.Boundary, &s) == nil {
			bound = strings.TrimSpace(s)
		}
		if _, err := boundary.Parse(bound); bound != "" && err != nil {
			problem(w, http.StatusUnprocessableEntity, "boundary", "De grens is geen vlak: geef een GeoJSON-bestand met een Polygon of MultiPolygon.", err.Error())
			return
		}
	}
	// who started it is the keeper whose token it is, or the moderator
	// ("beheerder"): never a name the request makes up
	who, name := starter, in.Keeper
	if k != nil {
		name = k.Name
	}
	if name == "" {
		name = "beheerder"
	}
	err := store.Create(r.Context(), in.Slug, bound, data, who, d.Now().UTC().Format(time.RFC3339))
	switch {
	case errors.Is(err, maps.ErrExists):
		problem(w, http.StatusConflict, "exists", "Er is al een kaart met dit adres.", err.Error())
		return
	case err != nil:
		d.unavailable(w, err)
		return
	}
	out := map[string]any{"slug": in.Slug, "revision": 1, "url": "/" + in.Slug + "/",
		"title": m.Title, "places": len(m.Places), "shapes": len(m.Shapes), "notes": noteLines(notes)}
	// A new buurt's map comes with its first keeper's sign-in link: the
	// moderator hands it to a resident, a keeper uses it themselves, and
	// from then on the buurt keeps its map itself (/<slug>/beheer).
	if d.Keepers != nil {
		ks := keepers.NewStore(d.DB)
		nk, code, err := ks.Add(r.Context(), in.Slug, name, who, d.Now())
		if err != nil {
			d.unavailable(w, err)
			return
		}
		out["keeper_link"] = keepers.Link("", in.Slug, code)
		if k != nil {
			d.record(r, ks, k.Map, *k, "/"+in.Slug+"/ — "+m.Title)
			d.record(r, ks, in.Slug, nk, "/"+k.Map+"/ → /"+in.Slug+"/")
		}
	}
	writeJSON(w, http.StatusCreated, out)
}

// newMapFile is the new map's file: geojson as it is, or the files (or
// geojson with a title or codes to add) made one map. A file it cannot
// use, or nothing to draw, is answered 422 with the importer's notes.
func (d *Deployment) newMapFile(w http.ResponseWriter, in newMap) (*atlas.Map, []byte, []exchange.Note, bool) {
	data := []byte(in.GeoJSON)
	var s string
	if json.Unmarshal(data, &s) == nil { // the file as a JSON string
		data = []byte(s)
	}
	hasMap := len(in.GeoJSON) > 0 && string(in.GeoJSON) != "null"
	switch {
	case hasMap && len(in.Files) > 0:
		problem(w, http.StatusUnprocessableEntity, "map", "Geef een kaartbestand óf andere bestanden, niet allebei.", "Give geojson or files, not both.")
		return nil, nil, nil, false
	case !hasMap && len(in.Files) == 0:
		problem(w, http.StatusUnprocessableEntity, "no_files", "Kies minstens één bestand met straten of plekken.", "Choose at least one file with streets or places.")
		return nil, nil, nil, false
	case hasMap && in.Title == "" && in.CBS == nil:
		// as a keeper's save is checked (PUT api/map): a map with errors
		// is not started, or it could only be saved once mended
		if err := maps.Check(data); err != nil {
			maps.Invalid(w, err.(*maps.InvalidError))
			return nil, nil, nil, false
		}
		m, _ := atlas.Parse(data, nil)
		return m, data, nil, true
	}
	files := []exchange.File{{Name: "kaart.geojson", Data: data}}
	if !hasMap {
		files = make([]exchange.File, len(in.Files))
		for i, f := range in.Files {
			files[i] = exchange.File{Name: f.Name, Data: []byte(f.Data)}
		}
	}
	m, out, notes, err := exchange.FromFiles(files, &exchange.MapOptions{Title: strings.TrimSpace(in.Title), CBS: in.CBS})
	if err == nil {
		return m, out, notes, true
	}
	code, nl, en := "files", "Van deze bestanden konden we geen kaart maken.", err.Error()
	var fe *exchange.FileError
	switch {
	case errors.Is(err, exchange.ErrEmpty):
		code, nl, en = "nothing", "Er staat niets op dat buurtkaart tekent: geen plekken, straten of vlakken.",
			"There is nothing buurtkaart draws in them: no places, streets or areas."
	case errors.As(err, &fe) && fe.Format == "":
		code, nl, en = "format", fe.Name+": dit soort bestand kent buurtkaart niet. Geef een uMap-bestand, GeoJSON (overpass-turbo), Overpass JSON, .osm, CSV, GPX, KML of een buurtkaart-kaartbestand.",
			fe.Name+": buurtkaart does not know this kind of file. Give a uMap file, GeoJSON (overpass-turbo), Overpass JSON, .osm, CSV, GPX, KML or a buurtkaart map file."
	case errors.As(err, &fe):
		code, nl, en = "file", fe.Name+": dit "+strings.ToUpper(string(fe.Format))+"-bestand is niet te lezen.",
			fe.Name+": this "+strings.ToUpper(string(fe.Format))+" file cannot be read: "+fe.Err.Error()
	}
	writeJSON(w, http.StatusUnprocessableEntity, map[string]any{
		"error": map[string]string{"code": code, "nl": nl, "en": en}, "notes": noteLines(notes)})
	return nil, nil, nil, false
}

// noteLines are notes as the CLI prints them, a line each.
func noteLines(notes []exchange.Note) []string {
	out := make([]string, len(notes))
	for i, n := range notes {
		out[i] = n.String()
	}
	return out
}

// record logs a new map in a keeper's map's log; a failure is the
// operator's to see, the map is made.
func (d *Deployment) record(r *http.Request, ks *keepers.Store, slug string, k keepers.Keeper, detail string) {
	if err := ks.Record(r.Context(), slug, k, "map.new", detail, d.Now()); err != nil && d.Pins.Log != nil {
		d.Pins.Log("host: %v", err)
	}
}

// creator admits who may start a map: the deployment's moderator token
// (nil keeper), or a keeper's token of any of its maps. A keeper's token
// is checked by the keepers' API itself, so a wrong one counts against
// the network there (429 past the budget); one that is no keeper's is
// then put to the moderator's check, which counts it too.
func (d *Deployment) creator(w http.ResponseWriter, r *http.Request) (*keepers.Keeper, bool) {
	token := pins.Bearer(r)
	if d.Keepers == nil || token == "" || subtle.ConstantTimeCompare([]byte(token), []byte(d.Pins.ModeratorToken)) == 1 {
		return nil, d.moderator(w, r)
	}
	at := d.Default
	if at == "" {
		at = "_"
	}
	probe := &recorder{header: http.Header{}, code: http.StatusOK}
	q := withPath(r, "/"+at+"/api/keeper/me").Clone(r.Context())
	q.Method, q.Body = http.MethodGet, http.NoBody
	d.Keepers.ServeHTTP(probe, q)
	switch probe.code {
	case http.StatusOK, http.StatusForbidden: // this map's keeper, or another's
		k, err := keepers.NewStore(d.DB).Auth(r.Context(), at, token)
		if err == nil && !k.Revoked {
			return &k, true
		}
		if err != nil && !errors.Is(err, keepers.ErrNotFound) {
			d.unavailable(w, err)
			return nil, false
		}
		problem(w, http.StatusUnauthorized, "not_keeper", "Alleen voor beheerders van een buurtkaart.", "For the keepers of a map only.")
		return nil, false
	case http.StatusUnauthorized:
		return nil, d.moderator(w, r)
	}
	for k, v := range probe.header {
		w.Header()[k] = v
	}
	w.WriteHeader(probe.code)
	w.Write(probe.body.Bytes())
	return nil, false
}

// moderator admits the deployment's moderator token. Wrong tokens are
// counted by the default map's pins API, as its moderation endpoints
// count them (429 past the budget): the request is put to that API's
// queue, which answers 200 only to the moderator.
func (d *Deployment) moderator(w http.ResponseWriter, r *http.Request) bool {
	token := pins.Bearer(r)
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
