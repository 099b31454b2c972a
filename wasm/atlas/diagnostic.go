package atlas

import "strconv"

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
		where = strconv.Itoa(d.Line) + ":" + strconv.Itoa(d.Column) + ": "
	case d.Feature >= 0:
		where = "feature " + strconv.Itoa(d.Feature)
		if d.Name != "" {
			where += " " + strconv.Quote(d.Name)
		} else if d.ID != "" {
			where += " (id " + strconv.Quote(d.ID) + ")"
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

// vector writes numbers as fmt's %v does ("[4.3 52.1]"): the browser's
// wasm leaves fmt out (59 KB brotli of the map's wasm), so diagnostics are built with
// strconv.
func vector(v []float64) string {
	b := []byte{'['}
	for i, x := range v {
		if i > 0 {
			b = append(b, ' ')
		}
		b = strconv.AppendFloat(b, x, 'g', -1, 64)
	}
	return string(append(b, ']'))
}
