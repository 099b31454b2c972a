package main

import (
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/buurtkaart/buurtkaart/wasm/atlas"
)

// check prints every problem in the given map files, one per line, compiler
// style, and fails if any is an error.
func check(args []string, out io.Writer) error {
	fs := flag.NewFlagSet("check", flag.ContinueOnError)
	fs.Usage = func() { fmt.Fprintln(fs.Output(), "usage: buurtkaart check FILE...") }
	if err := fs.Parse(args); err != nil {
		return exitError{}
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return exitError{}
	}
	failed := false
	for _, path := range fs.Args() {
		data, err := os.ReadFile(path)
		if err != nil {
			fmt.Fprintf(out, "%s: error: %v\n", path, unwrapPath(err))
			failed = true
			continue
		}
		m, diags := atlas.Parse(data, nil)
		for _, d := range diags {
			fmt.Fprintf(out, "%s: %s\n", path, d)
		}
		if m == nil || atlas.HasErrors(diags) {
			failed = true
		} else {
			fmt.Fprintf(out, "%s: ok: %d places, %d shapes, %d warnings\n", path, len(m.Places), len(m.Shapes), len(diags))
		}
	}
	if failed {
		return exitError{}
	}
	return nil
}
