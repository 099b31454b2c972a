package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/buurtkaart/buurtkaart/wasm/atlas"
)

// build writes the static site (for the Worker's assets, or any web host).
func build(args []string) error {
	fs := flag.NewFlagSet("build", flag.ContinueOnError)
	mapPath := fs.String("map", "geodata/schilderswijk.geojson", "map file (GeoJSON)")
	out := fs.String("out", "build/site", "output folder")
	url := fs.String("url", "", "the map's public address, e.g. https://schilderswijk.buurtkaart.nl/, for the poster's QR code; default none (the browser poster then shows a placeholder)")
	if err := fs.Parse(args); err != nil {
		return exitError{}
	}
	s, m, data, err := prepare(*mapPath, *out)
	if err != nil {
		return err
	}
	s.url = *url
	if err := s.build(m, data); err != nil {
		return err
	}
	fmt.Printf("built %s (%d places)\n", s.out, len(m.Places))
	return nil
}

// prepare finds the source tree and reads the map; relative paths are taken
// from the working directory, the output folder from the source tree.
func prepare(mapPath, out string) (site, *atlas.Map, []byte, error) {
	root, err := findRoot()
	if err != nil {
		return site{}, nil, nil, err
	}
	m, data, err := loadMap(mapPath, os.Stderr)
	if err != nil {
		return site{}, nil, nil, err
	}
	if !filepath.IsAbs(out) {
		out = filepath.Join(root, out)
	}
	return site{root: root, out: out}, m, data, nil
}
