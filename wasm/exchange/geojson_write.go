package exchange

import (
	"bytes"
	"fmt"
	"io"

	"github.com/buurtkaart/buurtkaart/wasm/atlas"
)

// atlasEnd is how atlas.Write ends a map file: it writes one feature a
// line, and the pins of more go between the last of them and this end.
const atlasEnd = "\n]}\n"

// writeGeoJSON writes m as atlas does (a buurtkaart map file), then the
// places of more as features of the same file, one at a time: see Stream.
func writeGeoJSON(w io.Writer, m *atlas.Map, more Places) error {
	var buf bytes.Buffer
	if err := atlas.Write(&buf, m, nil); err != nil {
		return err
	}
	head, ok := bytes.CutSuffix(buf.Bytes(), []byte(atlasEnd))
	if !ok {
		return fmt.Errorf("exchange: atlas.Write no longer ends a map with %q", atlasEnd)
	}
	if _, err := w.Write(head); err != nil {
		return err
	}
	sep := ",\n"
	if len(m.Places)+len(m.Shapes) == 0 {
		sep = "\n"
	}
	for p, err := range more {
		if err != nil {
			return err
		}
		line, err := featureLine(p)
		if err != nil {
			return err
		}
		if _, err := io.WriteString(w, sep); err != nil {
			return err
		}
		if _, err := w.Write(line); err != nil {
			return err
		}
		sep = ",\n"
	}
	_, err := io.WriteString(w, atlasEnd)
	return err
}

// featureLine is p as atlas.Write writes a feature: the line between the
// header and the end of a map of p alone.
func featureLine(p atlas.Place) ([]byte, error) {
	var buf bytes.Buffer
	if err := atlas.Write(&buf, &atlas.Map{Places: []atlas.Place{p}}, nil); err != nil {
		return nil, err
	}
	_, rest, _ := bytes.Cut(buf.Bytes(), []byte("\n"))
	line, ok := bytes.CutSuffix(rest, []byte(atlasEnd))
	if !ok || bytes.Contains(line, []byte("\n")) {
		return nil, fmt.Errorf("exchange: atlas.Write no longer writes a feature a line")
	}
	return line, nil
}
