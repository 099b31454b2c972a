package pins

import (
	"encoding/base64"
	"encoding/json"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/buurtkaart/buurtkaart/wasm/pin"
)

// MaxPage is the most pins one GET /api/pins answers, and its default: at
// about 250 bytes a pin, 250 KB, which a phone reads and the Worker holds
// without strain. A map of 53,000 pins was one 13.5 MB answer.
const MaxPage = 1000

// page is one answer of GET /api/pins: a GeoJSON FeatureCollection with,
// when more pins follow, the cursor to ask for them (?cursor=…).
type page struct {
	pin.FeatureCollection
	Next string `json:"next,omitempty"`
}

func (h *handler) list(w http.ResponseWriter, r *http.Request) {
	q, pr := parseQuery(r)
	if pr != nil {
		writeProblem(w, pr)
		return
	}
	want := q.Limit
	q.Limit++ // one more tells whether another page follows
	ps, err := h.store.List(r.Context(), q)
	if err != nil {
		h.fail(w, err)
		return
	}
	out := page{}
	if len(ps) > want {
		ps = ps[:want]
		out.Next = cursorOf(ps[want-1])
	}
	out.FeatureCollection = pin.Collection(ps)
	w.Header().Set("Content-Type", "application/geo+json")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(http.StatusOK)
	json.NewEncoder(w).Encode(out)
}

// cursorOf is where the page after p starts: its place in the order
// (created, id), opaque to clients.
func cursorOf(p pin.Pin) string {
	return base64.RawURLEncoding.EncodeToString([]byte(p.Created + " " + p.ID))
}

func parseCursor(c string) (after [2]string, ok bool) {
	b, err := base64.RawURLEncoding.DecodeString(c)
	if err != nil || len(b) > 100 {
		return after, false
	}
	created, id, found := strings.Cut(string(b), " ")
	if _, err := time.Parse(time.RFC3339, created); !found || err != nil || id == "" {
		return after, false
	}
	return [2]string{created, id}, true
}

// parseQuery reads ?bbox=west,south,east,north&since=RFC3339&limit=N&cursor=C.
func parseQuery(r *http.Request) (Query, *pin.Problem) {
	q := Query{Limit: MaxPage}
	v := r.URL.Query()
	if b := v.Get("bbox"); b != "" {
		parts := strings.Split(b, ",")
		var box [4]float64
		ok := len(parts) == 4
		for i := 0; ok && i < 4; i++ {
			f, err := strconv.ParseFloat(strings.TrimSpace(parts[i]), 64)
			box[i], ok = f, err == nil && f == f && f >= -180 && f <= 180
		}
		if !ok || box[0] > box[2] || box[1] > box[3] {
			return q, problem(http.StatusBadRequest, "invalid_bbox",
				"bbox moet west,zuid,oost,noord zijn, in graden.", "bbox must be west,south,east,north in degrees.")
		}
		q.BBox = &box
	}
	if s := v.Get("since"); s != "" {
		t, err := time.Parse(time.RFC3339, s)
		if err != nil {
			return q, problem(http.StatusBadRequest, "invalid_since",
				"since moet een tijd zijn zoals 2026-11-23T10:00:00Z.", "since must be a time like 2026-11-23T10:00:00Z.")
		}
		q.Since = t.UTC().Format(time.RFC3339)
	}
	if s := v.Get("limit"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 {
			return q, problem(http.StatusBadRequest, "invalid_limit",
				"limit moet een getal vanaf 1 zijn.", "limit must be a number from 1.")
		}
		q.Limit = min(n, MaxPage)
	}
	if c := v.Get("cursor"); c != "" {
		after, ok := parseCursor(c)
		if !ok {
			return q, problem(http.StatusBadRequest, "invalid_cursor",
				"Deze cursor kennen we niet; begin opnieuw zonder cursor.", "Unknown cursor; start again without one.")
		}
		q.After = &after
	}
	return q, nil
}
