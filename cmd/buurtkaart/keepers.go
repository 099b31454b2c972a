package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/buurtkaart/buurtkaart/wasm/keepers"
	"github.com/buurtkaart/buurtkaart/wasm/maps"
)

// keepersCmd keeps the keepers of a map in the SQLite file serve uses:
//
//	buurtkaart keepers add --map SLUG --name NAME [--url BASE] [--db F]  (prints the one-time sign-in link)
//	buurtkaart keepers list --map SLUG [--db F]
//	buurtkaart keepers remove --map SLUG --id ID [--db F]
func keepersCmd(args []string, out io.Writer) error {
	if len(args) == 0 {
		fmt.Fprint(os.Stderr, "usage: buurtkaart keepers add|list|remove --map SLUG [--name N] [--id ID] [--url BASE] [--db F]\n")
		return exitError{}
	}
	fs := flag.NewFlagSet("keepers "+args[0], flag.ContinueOnError)
	dbPath := fs.String("db", "buurtkaart.db", "SQLite file (as serve --db)")
	slug := fs.String("map", "", "the map's slug: /<slug>/")
	name := fs.String("name", "", "the keeper's name (keepers add)")
	id := fs.String("id", "", "the keeper's id, from keepers list (keepers remove)")
	base := fs.String("url", "http://127.0.0.1:8080", "the deployment's address, for the link (keepers add)")
	if err := fs.Parse(args[1:]); err != nil {
		return exitError{}
	}
	ctx := context.Background()
	db, err := openDB(ctx, *dbPath)
	if err != nil {
		return err
	}
	defer db.Close()
	if _, err := maps.NewStore(db).Latest(ctx, *slug); err != nil {
		return fmt.Errorf("keepers: map %q: %w (buurtkaart maps list shows the maps)", *slug, err)
	}
	st, now := keepers.NewStore(db), time.Now()
	operator := keepers.Keeper{ID: "cli", Name: "buurtkaart"}
	switch args[0] {
	case "add":
		k, code, err := st.Add(ctx, *slug, *name, operator.Name, now)
		if err != nil {
			return err
		}
		if err := st.Record(ctx, *slug, operator, "keeper.add", k.Name+" ("+k.ID+")", now); err != nil {
			return err
		}
		fmt.Fprintf(out, "%s is beheerder van %s (id %s). Deze link werkt één keer, 14 dagen lang / this link works once, for 14 days:\n%s\n",
			k.Name, *slug, k.ID, keepers.Link(*base, *slug, code))
		return nil
	case "list":
		ks, err := st.List(ctx, *slug)
		if err != nil {
			return err
		}
		for _, k := range ks {
			state := ""
			if k.Revoked {
				state = "\tremoved"
			}
			fmt.Fprintf(out, "%s\t%s\tadded %s by %s%s\n", k.ID, k.Name, k.AddedAt, k.AddedBy, state)
		}
		return nil
	case "remove":
		// The operator may remove a map's last keeper (a keeper may not).
		if err := st.Revoke(ctx, *slug, *id, true, now); err != nil {
			return err
		}
		return st.Record(ctx, *slug, operator, "keeper.remove", *id, now)
	}
	return fmt.Errorf("keepers: unknown command %q; use add, list or remove", args[0])
}
