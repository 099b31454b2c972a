package main

import (
	"fmt"
	"io"
	"os"

	"github.com/buurtkaart/buurtkaart/wasm/atlas"
)

// loadMap reads and parses a map file. Per-feature problems are written to
// report and skipped; only a file that cannot be read at all is an error,
// given in one line that names the file.
func loadMap(path string, report io.Writer) (*atlas.Map, []byte, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", path, unwrapPath(err))
	}
	m, diags := atlas.Parse(data, nil)
	for _, d := range diags {
		fmt.Fprintf(report, "%s: %s\n", path, d)
	}
	if m == nil {
		return nil, nil, fmt.Errorf("%s: not a map file (see above)", path)
	}
	return m, data, nil
}

// unwrapPath drops the path os puts in its errors, since loadMap names it.
func unwrapPath(err error) error {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err
	}
	return err
}
