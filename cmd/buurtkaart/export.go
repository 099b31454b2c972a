package main

import (
	"bytes"
	"flag"
	"fmt"
	"io"

	"github.com/buurtkaart/buurtkaart/wasm/exchange"
)

// exportMap writes a map file as GeoJSON, CSV, GPX or KML. What the
// format cannot hold (areas in a CSV) is said on stderr.
func exportMap(args []string, stderr io.Writer) error {
	fs := flag.NewFlagSet("export", flag.ContinueOnError)
	to := fs.String("to", "", "the output's format: geojson, csv, gpx or kml (default: by -o's extension)")
	mapPath := fs.String("map", "geodata/schilderswijk.geojson", "the map file to export")
	pinsDB := fs.String("pins", "", "also export the visible residents' pins from this SQLite file (as serve keeps them)")
	out := fs.String("o", "-", "the file to write; - is stdout")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: buurtkaart export --to geojson|csv|gpx|kml [--map FILE] [--pins DB] [-o OUT]")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return exitError{}
	}
	if fs.NArg() > 0 {
		fs.Usage()
		return exitError{}
	}
	if *to == "" {
		if *to = fileFormat(*out, "export"); *to == "" {
			return fmt.Errorf("say which format with --to (geojson, csv, gpx or kml)")
		}
	}
	m, _, err := loadMap(*mapPath, stderr)
	if err != nil {
		return err
	}
	if *pinsDB != "" {
		ps, err := pinsFromDB(*pinsDB, mapKey(*mapPath))
		if err != nil {
			return err
		}
		m = exchange.WithPins(m, ps)
	}
	var buf bytes.Buffer
	notes, err := exchange.Export(&buf, m, exchange.Format(*to))
	if err != nil {
		return err
	}
	for _, n := range notes {
		fmt.Fprintf(stderr, "export: %s\n", n)
	}
	return writeOut(*out, buf.Bytes())
}
