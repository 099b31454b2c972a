package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"time"

	"github.com/buurtkaart/buurtkaart/wasm/atlas"
	"github.com/buurtkaart/buurtkaart/wasm/boundary"
	"github.com/buurtkaart/buurtkaart/wasm/maps"
)

// mapsCmd keeps the store's maps (wasm/maps) in the SQLite file serve uses:
//
//	buurtkaart maps list [--db F]
//	buurtkaart maps new --slug S FILE [--db F]
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
	if err := fs.Parse(args[1:]); err != nil {
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
		m, data, err := mapFileArg(fs)
		if err != nil {
			return err
		}
		return st.Create(ctx, *slug, boundary.OfMap(m), data, "buurtkaart", time.Now().UTC().Format(time.RFC3339))
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
		return st.Delete(ctx, *slug)
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
