package exchange

import (
	"bytes"
	"errors"
	"fmt"

	"github.com/buurtkaart/buurtkaart/wasm/atlas"
)

// File is one of the files a new map is made of: its name, whose
// extension may say its format, and its content.
type File struct {
	Name string
	Data []byte
}

// MapOptions tunes FromFiles; nil means defaults.
type MapOptions struct {
	// Title is the map's title; default the first file's that has one.
	Title string
	// CBS are the buurt's CBS codes ("BU05182916"), kept in the map as
	// "cbs"; default the first file's.
	CBS []string
	// Import is given to every file's import; nil means Import's defaults.
	Import *ImportOptions
}

var (
	// ErrNoFiles: FromFiles was given no file.
	ErrNoFiles = errors.New("exchange: no files")
	// ErrEmpty: the files hold nothing buurtkaart draws — no place, street
	// or area — so they make no map.
	ErrEmpty = errors.New("exchange: nothing to draw: the files hold no places, streets or areas")
)

// FileError is a file FromFiles could not use at all.
type FileError struct {
	Name   string
	Format Format // as Detect named it; "" when it could not tell
	Err    error
}

func (e *FileError) Error() string {
	if e.Format == "" {
		return e.Err.Error() // Detect names the file itself
	}
	return e.Name + ": " + e.Err.Error()
}

func (e *FileError) Unwrap() error { return e.Err }

// FromFiles makes one map of files in any mix of the formats Detect
// tells apart — the streets of an overpass-turbo export, a spreadsheet's
// places, a GPS walk, a uMap backup — imported each and merged in the
// order given (Merge), with opts' title and codes. It returns the map, its
// file as buurtkaart writes maps, and what could not be carried over as it
// was, each note's Where led by the file's name. One buurtkaart map file
// and nothing to add is kept as it is, byte for byte.
//
// It is `buurtkaart maps new` and POST /api/maps alike. It fails with a
// *FileError for a file of no known format or one that cannot be read at
// all (the notes so far say why), and with ErrEmpty when nothing is left
// to draw.
func FromFiles(files []File, opts *MapOptions) (*atlas.Map, []byte, []Note, error) {
	var o MapOptions
	if opts != nil {
		o = *opts
	}
	if len(files) == 0 {
		return nil, nil, nil, ErrNoFiles
	}
	var notes []Note
	ms := make([]*atlas.Map, 0, len(files))
	for _, f := range files {
		from, err := Detect(f.Name, f.Data)
		if err != nil {
			return nil, nil, notes, &FileError{Name: f.Name, Err: err}
		}
		if from == GeoJSON && len(files) == 1 && o.Title == "" && o.CBS == nil {
			return asIs(f)
		}
		m, ns, err := Import(f.Data, from, o.Import)
		notes = append(notes, inFile(f.Name, ns)...)
		if err != nil {
			return nil, nil, notes, &FileError{Name: f.Name, Format: from, Err: err}
		}
		ms = append(ms, m)
	}
	m, ns := Merge(ms...)
	notes = append(notes, ns...)
	if o.Title != "" {
		m.Title = o.Title
	}
	if o.CBS != nil {
		m.CBS = o.CBS
	}
	var buf bytes.Buffer
	if err := atlas.Write(&buf, m, nil); err != nil {
		return nil, nil, notes, fmt.Errorf("exchange: %w", err)
	}
	back, diags := atlas.Parse(buf.Bytes(), nil)
	notes = append(notes, diagNotes("", diags)...)
	if back == nil {
		return nil, nil, notes, errors.New("exchange: the merged map does not read back")
	}
	if len(back.Places) == 0 && len(back.Shapes) == 0 {
		return nil, nil, notes, ErrEmpty
	}
	return back, buf.Bytes(), notes, nil
}

// asIs reads one buurtkaart map file as it is.
func asIs(f File) (*atlas.Map, []byte, []Note, error) {
	m, diags := atlas.Parse(f.Data, nil)
	notes := diagNotes(f.Name, diags)
	switch {
	case m == nil:
		return nil, nil, notes, &FileError{Name: f.Name, Format: GeoJSON, Err: errors.New("not a map file")}
	case len(m.Places) == 0 && len(m.Shapes) == 0:
		return nil, nil, notes, ErrEmpty
	}
	return m, f.Data, notes, nil
}

// inFile leads each note's Where with the file's name.
func inFile(name string, notes []Note) []Note {
	for i := range notes {
		if notes[i].Where == "" {
			notes[i].Where = name
		} else {
			notes[i].Where = name + ": " + notes[i].Where
		}
	}
	return notes
}

// diagNotes are atlas's diagnostics of a map file as notes.
func diagNotes(name string, diags []atlas.Diagnostic) []Note {
	var notes []Note
	for _, d := range diags {
		w := ""
		switch {
		case d.Line > 0:
			w = fmt.Sprintf("line %d, column %d", d.Line, d.Column)
		case d.Feature >= 0:
			w = where("feature", d.Feature, firstNonEmpty(d.Name, d.ID))
		}
		notes = append(notes, Note{Where: w, Severity: d.Severity, Message: d.Message, Hint: d.Hint})
	}
	if name != "" {
		notes = inFile(name, notes)
	}
	return notes
}
