package main

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/buurtkaart/buurtkaart/wasm/atlas"
	"github.com/buurtkaart/buurtkaart/wasm/exchange"
)

// importMap reads a uMap, Overpass, OSM, CSV, GPX or KML file and writes it as
// a buurtkaart map file. What could not be carried over is printed on
// stderr, one line each; only an unreadable file fails.
func importMap(args []string, stderr io.Writer) error {
	fs := flag.NewFlagSet("import", flag.ContinueOnError)
	from := fs.String("from", "", "the input's format: umap, overpass, osm, csv, gpx or kml (default: by the file's extension or content)")
	out := fs.String("o", "-", "the map file to write; - is stdout")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: buurtkaart import [--from umap|overpass|osm|csv|gpx|kml] IN [-o OUT.geojson]")
		fs.PrintDefaults()
	}
	in, err := parseWithOneArg(fs, args)
	if err != nil {
		return exitError{}
	}
	data, err := os.ReadFile(in)
	if err != nil {
		return fmt.Errorf("%s: %w", in, unwrapPath(err))
	}
	if *from == "" {
		f, err := exchange.Detect(in, data)
		if err != nil {
			return fmt.Errorf("%v (umap, overpass, osm, csv, gpx or kml)", err)
		}
		*from = string(f)
	}
	m, notes, err := exchange.Import(data, exchange.Format(*from), nil)
	for _, n := range notes {
		fmt.Fprintf(stderr, "import: %s: %s\n", in, n)
	}
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := atlas.Write(&buf, m, nil); err != nil {
		return err
	}
	if err := writeOut(*out, buf.Bytes()); err != nil {
		return err
	}
	fmt.Fprintf(stderr, "import: %s: %d places, %d shapes → %s\n", in, len(m.Places), len(m.Shapes), *out)
	return nil
}

// parseWithOneArg parses flags given before or after the one positional
// argument, as "import --from csv IN -o OUT" is written.
func parseWithOneArg(fs *flag.FlagSet, args []string) (string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return "", err
		}
		if fs.NArg() == 0 {
			break
		}
		pos = append(pos, fs.Arg(0))
		args = fs.Args()[1:]
	}
	if len(pos) != 1 {
		fs.Usage()
		return "", fmt.Errorf("want one file, got %d", len(pos))
	}
	return pos[0], nil
}

// fileFormat guesses a format from a file name's extension; "" when it
// cannot (a .geojson may be uMap's or Overpass's).
func fileFormat(name, verb string) string {
	switch ext := strings.ToLower(filepath.Ext(name)); ext {
	case ".umap", ".csv", ".gpx", ".kml":
		return ext[1:]
	case ".geojson", ".json":
		if verb == "export" {
			return "geojson"
		}
	}
	return ""
}

// writeOut writes data to the file path, or to stdout for "-".
func writeOut(path string, data []byte) error {
	if path == "-" {
		_, err := os.Stdout.Write(data)
		return err
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		return fmt.Errorf("%s: %w", path, unwrapPath(err))
	}
	return nil
}
