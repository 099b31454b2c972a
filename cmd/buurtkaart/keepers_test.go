package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/buurtkaart/buurtkaart/wasm/keepers"
	"github.com/buurtkaart/buurtkaart/wasm/maps"
)

// keepers add prints a link whose code signs in once; list shows the
// keeper, remove revokes them.
func TestKeepersCommand(t *testing.T) {
	db := filepath.Join(t.TempDir(), "k.db")
	data, err := os.ReadFile("../../geodata/schilderswijk.geojson")
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	conn, err := openDB(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if err := maps.NewStore(conn).Create(ctx, "schilderswijk", "", data, "buurtkaart", "2026-11-30T12:00:00Z"); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := keepersCmd([]string{"add", "--db", db, "--map", "schilderswijk", "--name", "Fatima", "--url", "https://kaart.example/"}, &out); err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`https://kaart\.example/schilderswijk/beheer#code=([A-Za-z0-9_-]{43})\n`).FindStringSubmatch(out.String())
	if m == nil {
		t.Fatalf("no link in %q", out.String())
	}
	st := keepers.NewStore(conn)
	k, token, err := st.SignIn(ctx, "schilderswijk", m[1], time.Now())
	if err != nil || k.Name != "Fatima" || token == "" {
		t.Fatalf("sign in with the link: %+v, %v", k, err)
	}
	if _, _, err := st.SignIn(ctx, "schilderswijk", m[1], time.Now()); err == nil {
		t.Error("the link worked twice")
	}
	out.Reset()
	if err := keepersCmd([]string{"list", "--db", db, "--map", "schilderswijk"}, &out); err != nil || !strings.Contains(out.String(), k.ID+"\tFatima\t") {
		t.Errorf("list: %q, %v", out.String(), err)
	}
	if err := keepersCmd([]string{"remove", "--db", db, "--map", "schilderswijk", "--id", k.ID}, &out); err != nil {
		t.Fatal(err)
	}
	if got, _ := st.Auth(ctx, "schilderswijk", token); !got.Revoked {
		t.Error("removed keeper's token still valid")
	}
	if err := keepersCmd([]string{"add", "--db", db, "--map", "elders", "--name", "Jan"}, &out); err == nil {
		t.Error("a keeper of a map the store does not have")
	}
}
