package pins

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"slices"

	"github.com/buurtkaart/buurtkaart/wasm/pin"
)

// ReportReasons are the reasons a resident can give for reporting a pin,
// as the card offers them: it is not right, it hurts or is improper, it is
// about someone without their consent, it is advertising.
var ReportReasons = []string{"onjuist", "kwetsend", "prive", "reclame"}

// maxReportBody bounds a report's body: {"reason": "…"} is a few dozen bytes.
const maxReportBody = 1024

// readReason reads a report's optional body, {"reason": code}: empty gives
// no reason; anything else than one known code is refused, so the keeper's
// queue only ever holds codes it can explain.
func readReason(r *http.Request) (string, *pin.Problem) {
	body, err := io.ReadAll(io.LimitReader(r.Body, maxReportBody+1))
	switch {
	case err != nil:
		return "", problem(http.StatusBadRequest, "unreadable", "De melding kwam niet goed aan; probeer het opnieuw.", "The report did not arrive intact; try again.")
	case len(body) > maxReportBody:
		return "", problem(http.StatusRequestEntityTooLarge, "too_large", "Deze melding is te lang.", "This report is too long.")
	case len(bytes.TrimSpace(body)) == 0:
		return "", nil
	}
	var in struct {
		Reason string `json:"reason"`
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&in); err != nil || dec.More() {
		return "", problem(http.StatusBadRequest, "invalid_json", "De melding is geen geldige JSON.", "The report is not valid JSON.")
	}
	if in.Reason != "" && !slices.Contains(ReportReasons, in.Reason) {
		return "", problem(http.StatusUnprocessableEntity, "unknown_reason", "Kies een van de redenen op de kaart.", "Choose one of the reasons on the card.")
	}
	return in.Reason, nil
}
