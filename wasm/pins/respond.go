package pins

import (
	"encoding/json"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/buurtkaart/buurtkaart/wasm/pin"
)

func problem(status int, code, nl, en string) *pin.Problem {
	return &pin.Problem{Status: status, Code: code, NL: nl, EN: en}
}

// fail answers a storage failure without leaking its details: a full disk or
// a locked file is the operator's problem, and the resident can retry.
func (h *handler) fail(w http.ResponseWriter, err error) {
	h.opts.Log("pins: %v", err)
	w.Header().Set("Retry-After", "10")
	writeProblem(w, problem(http.StatusServiceUnavailable, "storage_unavailable",
		"De pin kon nu niet bewaard worden; probeer het zo opnieuw. Er is niets half opgeslagen.",
		"The pin could not be saved right now; please retry. Nothing was half saved."))
}

func writeProblem(w http.ResponseWriter, pr *pin.Problem) {
	writeJSON(w, pr.Status, struct {
		Error *pin.Problem `json:"error"`
	}{pr})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(v)
}

// parseQuery reads ?bbox=west,south,east,north&since=RFC3339.
func parseQuery(r *http.Request) (Query, *pin.Problem) {
	var q Query
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
	return q, nil
}
