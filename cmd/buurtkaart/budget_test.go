package main

import (
	"bytes"
	"compress/gzip"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/andybalholm/brotli"
)

// wasmBudget is the most the browser wasm may weigh after brotli: on a
// slow 4G line (1.6 Mbit/s) 0.9 MB takes 4.5 s, and the map must already be
// readable by then from the pre-rendered SVG.
const wasmBudget = 900_000

// banned packages must never reach the browser build: each adds hundreds of
// kilobytes (net/http ≈ 1.5 MB raw) or belongs to a host, not the core.
var banned = []string{
	"net/http",
	"database/sql",
	"github.com/tdewolff/minify",
	"github.com/tdewolff/canvas",
	"go.mongodb.org/mongo-driver",
	"modernc.org/sqlite",
	"github.com/syumai/workers",
}

func TestWasmDependencyGuard(t *testing.T) {
	cmd := exec.Command("go", "list", "-deps", "./wasm")
	cmd.Dir = "../.."
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	deps := strings.Fields(string(out))
	for _, d := range deps {
		for _, b := range banned {
			if d == b || strings.HasPrefix(d, b+"/") {
				t.Errorf("%s reaches the browser wasm (GOOS=js go list -deps ./wasm)", d)
			}
		}
	}
	t.Logf("browser wasm imports %d packages, none banned", len(deps))
}

func TestWasmBudget(t *testing.T) {
	s := site{root: "../..", out: t.TempDir()}
	if err := s.wasm(); err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile(filepath.Join(s.out, "buurtkaart.wasm"))
	if err != nil {
		t.Fatal(err)
	}
	var gz, br bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&gz, gzip.BestCompression)
	zw.Write(raw)
	zw.Close()
	bw := brotli.NewWriterLevel(&br, brotli.BestCompression)
	bw.Write(raw)
	bw.Close()
	t.Logf("browser wasm: raw %d B, gzip %d B, brotli %d B (budget %d B brotli)", len(raw), gz.Len(), br.Len(), wasmBudget)
	if br.Len() > wasmBudget {
		t.Errorf("browser wasm is %d B after brotli, over the %d B budget", br.Len(), wasmBudget)
	}
}
