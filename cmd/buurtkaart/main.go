// Command buurtkaart is the native host of the buurtkaart core: it serves
// the map locally with pins in an SQLite file, builds the static site, and
// checks map files. Each subcommand is a thin layer over the core in wasm/.
package main

import (
	"errors"
	"fmt"
	"os"
)

const usage = `buurtkaart — a drawn asset map of one buurt

usage:
  buurtkaart serve [--addr 127.0.0.1:8080] [--map geodata/schilderswijk.geojson] [--db buurtkaart.db]
  buurtkaart build [--map FILE] [--out build/site]
  buurtkaart check FILE...
  buurtkaart import [--from umap|overpass|csv|gpx|kml] IN [-o OUT.geojson]
  buurtkaart export --to geojson|csv|gpx|kml [--map FILE] [-o OUT]
  buurtkaart maps list|new|save|export|delete [--db F] [--slug S] [--revision N] [FILE]
  buurtkaart keepers add|list|remove --map SLUG [--name N] [--id ID] [--url BASE] [--db F]
  buurtkaart poster [--map FILE] [--pins DB] [--size A4|A3|A2|A1] [--landscape] [--url URL] [--title T] -o poster.pdf|.svg|.png

Run 'buurtkaart COMMAND -h' for the flags of one command.
`

func main() {
	if len(os.Args) < 2 {
		fmt.Fprint(os.Stderr, usage)
		os.Exit(2)
	}
	var err error
	switch cmd, args := os.Args[1], os.Args[2:]; cmd {
	case "serve":
		err = serve(args)
	case "build":
		err = build(args)
	case "check":
		err = check(args, os.Stdout)
	case "import":
		err = importMap(args, os.Stderr)
	case "export":
		err = exportMap(args, os.Stderr)
	case "poster":
		err = posterCmd(args)
	case "maps":
		err = mapsCmd(args)
	case "keepers":
		err = keepersCmd(args, os.Stdout)
	case "help", "-h", "--help":
		fmt.Print(usage)
		return
	default:
		fmt.Fprintf(os.Stderr, "buurtkaart: unknown command %q\n\n%s", cmd, usage)
		os.Exit(2)
	}
	if err != nil {
		var ex exitError
		if !errors.As(err, &ex) {
			fmt.Fprintln(os.Stderr, "buurtkaart:", err)
		}
		os.Exit(1)
	}
}

// exitError ends the command with status 1 after it has already said why.
type exitError struct{}

func (exitError) Error() string { return "failed" }
