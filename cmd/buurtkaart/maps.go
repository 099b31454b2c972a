package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/buurtkaart/buurtkaart/wasm/atlas"
	"github.com/buurtkaart/buurtkaart/wasm/boundary"
	"github.com/buurtkaart/buurtkaart/wasm/exchange"
	"github.com/buurtkaart/buurtkaart/wasm/keepers"
	"github.com/buurtkaart/buurtkaart/wasm/maps"
)

// mapsCmd keeps the store's maps (wasm/maps) in the SQLite file serve uses:
//
//	buurtkaart maps list [--db F]
//	buurtkaart maps new --slug S [--title T] [--cbs BU…] [--boundary FILE] FILE… [--db F]
//	buurtkaart maps save --slug S FILE [--summary TEXT] [--db F]  (a new revision; serve shows it at the next page load)
//	buurtkaart maps export --slug S [--revision N] [-o OUT] [--db F]
//	buurtkaart maps delete --slug S [--db F]
func mapsCmd(args []string) error {
	if len(args) == 0 {
		fmt.Fprint(os.Stderr, "usage: buurtkaart maps list|new|save|export|delete [--db F] [--slug S] …\n")
		return exitError{}
	}
	fs := flag.NewFlagSet("maps "+args[0], flag.ContinueOnError)
	dbPath := fs.String("db", "buurtkaart.db", "SQLite file (as serve --db)")
	slug := fs.String("slug", "", "the map's address: /<slug>/")
	rev := fs.Int("revision", 0, "export this revision; default the latest")
	out := fs.String("o", "", "output file; default standard output")
	summary := fs.String("summary", "", "what changed (maps save)")
	var nw newMap
	fs.StringVar(&nw.title, "title", "", "the map's title (maps new); default the first file's")
	fs.Func("cbs", "CBS buurt code(s), e.g. BU05182916, kept in the map as \"cbs\" (maps new; repeat or separate by commas)", func(s string) error {
		nw.cbs = append(nw.cbs, strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ' ' })...)
		return nil
	})
	fs.StringVar(&nw.boundary, "boundary", "", "a GeoJSON Polygon or MultiPolygon (bare, a Feature or a FeatureCollection) that is the buurt's boundary (maps new); default the hull of its streets")
	if err := parseInterspersed(fs, args[1:]); err != nil {
		return exitError{}
	}
	ctx := context.Background()
	db, err := openDB(ctx, *dbPath)
	if err != nil {
		return err
	}
	defer db.Close()
	st := maps.NewStore(db)
	switch args[0] {
	case "list":
		list, err := st.List(ctx)
		if err != nil {
			return err
		}
		for _, m := range list {
			fmt.Printf("%s\trevision %d\t%s\n", m.Slug, m.Revision, m.Title)
		}
		return nil
	case "new":
		nw.files = fs.Args()
		m, data, err := nw.read(os.Stderr)
		if err != nil {
			return err
		}
		bound := boundary.OfMap(m)
		if nw.boundary != "" {
			if bound, err = readBoundary(nw.boundary); err != nil {
				return err
			}
		}
		if err := st.Create(ctx, *slug, bound, data, "buurtkaart", time.Now().UTC().Format(time.RFC3339)); err != nil {
			return err
		}
		fmt.Fprintf(os.Stderr, "maps new: %s: %d places, %d shapes\n", *slug, len(m.Places), len(m.Shapes))
		return nil
	case "save":
		_, data, err := mapFileArg(fs)
		if err != nil {
			return err
		}
		base, err := st.Latest(ctx, *slug)
		if err != nil {
			return err
		}
		n, err := st.Save(ctx, *slug, base, data, "buurtkaart", *summary, time.Now().UTC().Format(time.RFC3339))
		if err == nil {
			fmt.Printf("%s: revision %d\n", *slug, n)
		}
		return err
	case "export":
		data, err := exportRevision(ctx, st, *slug, *rev)
		if err != nil {
			return err
		}
		if *out != "" {
			return writeFile(*out, data)
		}
		_, err = os.Stdout.Write(data)
		return err
	case "delete":
		// its keepers go with it; its residents' pins stay, keyed by the
		// slug: a map started again at the address (from its export) has
		// them back, and a keeper can export or erase them
		if err := st.Delete(ctx, *slug); err != nil {
			return err
		}
		return keepers.NewStore(db).Forget(ctx, *slug)
	}
	return fmt.Errorf("maps: unknown command %q; use list, new, save, export or delete", args[0])
}

// mapFileArg reads the one map file new and save take.
func mapFileArg(fs *flag.FlagSet) (*atlas.Map, []byte, error) {
	if fs.NArg() != 1 {
		return nil, nil, fmt.Errorf("maps: give one map file (buurtkaart import makes one from other formats)")
	}
	return loadMap(fs.Arg(0), os.Stderr)
}

// exportRevision is a map file as the store keeps it: revision n, or the latest.
func exportRevision(ctx context.Context, st *maps.Store, slug string, n int) ([]byte, error) {
	if n > 0 {
		return st.Revision(ctx, slug, n)
	}
	m, err := st.Current(ctx, slug)
	return m.GeoJSON, err
}

// newMap is what maps new makes a map of: files in any format import
// reads, a title, CBS codes and a boundary file.
type newMap struct {
	files    []string
	title    string
	cbs      []string
	boundary string
}

// read makes the map file with exchange.FromFiles: one map file as it
// is, byte for byte, when nothing is to be added to it; else each file
// imported (its format told by its extension or content) and merged into
// one map with the title and codes given. What could not be carried over
// is reported, a line each.
func (nw newMap) read(report io.Writer) (*atlas.Map, []byte, error) {
	if len(nw.files) == 0 {
		return nil, nil, fmt.Errorf("maps new: give one or more files: map files, or what buurtkaart import reads (.geojson, .json, .osm, .csv, .gpx, .kml, .umap)")
	}
	files := make([]exchange.File, len(nw.files))
	for i, name := range nw.files {
		data, err := os.ReadFile(name)
		if err != nil {
			return nil, nil, fmt.Errorf("%s: %w", name, unwrapPath(err))
		}
		files[i] = exchange.File{Name: name, Data: data}
	}
	m, data, notes, err := exchange.FromFiles(files, &exchange.MapOptions{Title: nw.title, CBS: nw.cbs})
	for _, n := range notes {
		fmt.Fprintln(report, n)
	}
	if err != nil {
		return nil, nil, fmt.Errorf("maps new: %w", err)
	}
	return m, data, nil
}

// readBoundary reads a boundary file: any GeoJSON Polygon or MultiPolygon,
// bare, as a Feature or a FeatureCollection's first feature.
func readBoundary(name string) (string, error) {
	data, err := os.ReadFile(name)
	if err != nil {
		return "", fmt.Errorf("%s: %w", name, unwrapPath(err))
	}
	if _, err := boundary.Parse(string(data)); err != nil {
		return "", fmt.Errorf("%s: %w", name, err)
	}
	return strings.TrimSpace(string(data)), nil
}

// parseInterspersed parses flags given before, between or after the
// files, as "maps new FILE… --slug S" is often written.
func parseInterspersed(fs *flag.FlagSet, args []string) error {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return err
		}
		if fs.NArg() == 0 {
			break
		}
		pos = append(pos, fs.Arg(0))
		args = fs.Args()[1:]
	}
	return fs.Parse(append([]string{"--"}, pos...))
}
