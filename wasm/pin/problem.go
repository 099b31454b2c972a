package pin

import "fmt"

// Problem is why a pin was refused, in words a resident understands, Dutch
// first. Status is the HTTP status the API answers with.
type Problem struct {
	Status int    `json:"-"`
	Code   string `json:"code"` // stable, for programs
	NL     string `json:"nl"`
	EN     string `json:"en"`
}

func (p *Problem) Error() string { return fmt.Sprintf("pin: %s: %s", p.Code, p.EN) }

// Statuses used by problems; the values are HTTP's, named here so this
// package does not import net/http into the browser.
const (
	statusBadRequest    = 400
	statusConflict      = 409
	statusTooLarge      = 413
	statusUnprocessable = 422
)

func problem(status int, code, nl, en string) *Problem {
	return &Problem{Status: status, Code: code, NL: nl, EN: en}
}
