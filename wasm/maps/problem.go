package maps

import (
	"fmt"

	"github.com/buurtkaart/buurtkaart/wasm/atlas"
)

// Problem is one diagnostic of a map file as the API answers it.
type Problem struct {
	Line     int    `json:"line"`         // 1-based line of a JSON syntax error; 0 otherwise
	Feature  int    `json:"feature"`      // index in the features array; -1 for the file itself
	ID       string `json:"id,omitempty"` // the feature's id, when known
	Where    string `json:"where"`        // e.g. `feature 12 "Buurthuis"`, `3:14`, or "" for the file
	NL       string `json:"message_nl"`   // atlas's diagnostics are English only: the same text as message_en
	EN       string `json:"message_en"`   // what is wrong; what to do about it
	Severity string `json:"severity"`     // "error" or "warning"
}

// Problems turns atlas diagnostics into the API's problems ([] for none).
func Problems(ds []atlas.Diagnostic) []Problem {
	out := make([]Problem, 0, len(ds))
	for _, d := range ds {
		p := Problem{Line: d.Line, Feature: d.Feature, ID: d.ID, Severity: d.Severity.String(), EN: d.Message}
		switch {
		case d.Line > 0:
			p.Where = fmt.Sprintf("%d:%d", d.Line, d.Column)
		case d.Feature >= 0 && d.Name != "":
			p.Where = fmt.Sprintf("feature %d %q", d.Feature, d.Name)
		case d.Feature >= 0 && d.ID != "":
			p.Where = fmt.Sprintf("feature %d (id %q)", d.Feature, d.ID)
		case d.Feature >= 0:
			p.Where = fmt.Sprintf("feature %d", d.Feature)
		}
		if d.Hint != "" {
			p.EN += "; " + d.Hint
		}
		p.NL = p.EN
		out = append(out, p)
	}
	return out
}
