package atlas

import "fmt"

// Severity says whether a problem stops a feature from being drawn.
type Severity int

const (
	// Warning: the feature is drawn, but probably not as meant.
	Warning Severity = iota
	// Error: the feature (or, at file level, the map) is skipped.
	Error
)

func (s Severity) String() string {
	if s == Error {
		return "error"
	}
	return "warning"
}

// Diagnostic is one problem found in a map file.
type Diagnostic struct {
	Severity Severity
	Feature  int    // index in the features array; -1 for the file itself
	ID, Name string // of the feature, when known
	Line     int    // 1-based position of a JSON syntax error; 0 otherwise
	Column   int
	Message  string // what is wrong
	Hint     string // what to do about it
}

// String formats d compiler style, without the file name:
//
//	feature 12 "Buurthuis": error: unknown kind "talnt"; use "talent"
func (d Diagnostic) String() string {
	where := ""
	switch {
	case d.Line > 0:
		where = fmt.Sprintf("%d:%d: ", d.Line, d.Column)
	case d.Feature >= 0:
		where = fmt.Sprintf("feature %d", d.Feature)
		if d.Name != "" {
			where += fmt.Sprintf(" %q", d.Name)
		} else if d.ID != "" {
			where += fmt.Sprintf(" (id %q)", d.ID)
		}
		where += ": "
	}
	s := where + d.Severity.String() + ": " + d.Message
	if d.Hint != "" {
		s += "; " + d.Hint
	}
	return s
}

// HasErrors reports whether any diagnostic is an Error.
func HasErrors(ds []Diagnostic) bool {
	for _, d := range ds {
		if d.Severity == Error {
			return true
		}
	}
	return false
}
