package pins

import (
	"encoding/json"
	"net/http"

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
