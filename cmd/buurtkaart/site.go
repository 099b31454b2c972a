package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"

	"github.com/buurtkaart/buurtkaart/internal/wasmdata"
	"github.com/buurtkaart/buurtkaart/wasm/embed"
	"github.com/buurtkaart/buurtkaart/wasm/page"
	"github.com/buurtkaart/buurtkaart/web"

	"github.com/andybalholm/brotli"

	"github.com/buurtkaart/buurtkaart/wasm/atlas"
)

// site is what the browser needs, built into one folder: the web shell with
// the map pre-rendered into index.html, the core as wasm, wasm_exec.js, and
// the map file itself.
type site struct {
	root string // the source tree: the folder holding go.mod
	out  string // where the site is written
	url  string // the map's public address, for the poster's QR code; "" = unknown (site_poster.go)
}

// findRoot walks up from the working directory to the folder with go.mod.
func findRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("cannot find the buurtkaart source tree (go.mod); run from inside it")
		}
		dir = parent
	}
}

// build writes the whole site for map m (read from mapData).
func (s site) build(m *atlas.Map, mapData []byte) error {
	if err := os.MkdirAll(s.out, 0o755); err != nil {
		return err
	}
	if err := s.wasm(); err != nil {
		return err
	}
	goroot, err := goEnv("GOROOT")
	if err != nil {
		return err
	}
	if err := copyFile(filepath.Join(goroot, "lib", "wasm", "wasm_exec.js"), filepath.Join(s.out, "wasm_exec.js")); err != nil {
		return err
	}
	if err := s.copyWeb(); err != nil {
		return err
	}
	// The static assets' security headers at the edge, as serve sets them.
	if err := writeFile(filepath.Join(s.out, "_headers"), []byte(embed.HeadersFile())); err != nil {
		return err
	}
	return s.renderMap(m, mapData)
}

// renderMap writes what depends on the map (page.Render: its file,
// boundary and cards, the pages with it drawn in them, the poster's QR
// code) into s.out, compressed: the static site's map. serve renders each
// map of its store the same way, per revision, into memory (wasm/host).
func (s site) renderMap(m *atlas.Map, mapData []byte) error {
	files, err := page.Render(m, mapData, page.Options{Templates: web.Templates, URL: s.url})
	if err != nil {
		return err
	}
	return writeFiles(s.out, files)
}

// writeFiles writes a map's rendered files into dir with their brotli
// copies (textfiles.go), and drops a boundary.geojson an earlier revision
// left when this one has none.
func writeFiles(dir string, files page.Files) error {
	for name, data := range files {
		if err := writeFile(filepath.Join(dir, name), data); err != nil {
			return err
		}
	}
	if _, ok := files["boundary.geojson"]; !ok {
		os.Remove(filepath.Join(dir, "boundary.geojson"))
		os.Remove(filepath.Join(dir, "boundary.geojson.br"))
	}
	return compressText(dir)
}

// wasm compiles ./wasm for the browser unless the last build came from the
// same sources: a second `serve` then starts in well under a second.
func (s site) wasm() error {
	target := filepath.Join(s.out, "buurtkaart.wasm")
	// The stamp is the build's bookkeeping, not a file for the public: it
	// lives beside the site folder, never in it (the Worker's assets upload
	// the whole folder). Older builds kept it inside; drop that copy.
	stampFile := filepath.Clean(s.out) + ".wasm-sources"
	os.Remove(filepath.Join(s.out, ".wasm-sources"))
	stamp, err := s.sourceStamp()
	if err != nil {
		return err
	}
	if old, err := os.ReadFile(stampFile); err == nil && string(old) == stamp {
		_, e1 := os.Stat(target + ".br")
		_, e2 := os.Stat(filepath.Join(s.out, "poster.wasm.br"))
		if e1 == nil && e2 == nil {
			return nil
		}
	}
	// The map's wasm, and the poster page's with the composer the map's
	// leaves out (wasm/posterpage).
	for pkg, name := range map[string]string{"./wasm": "buurtkaart.wasm", "./wasm/posterpage": "poster.wasm"} {
		if err := s.buildWasm(pkg, filepath.Join(s.out, name)); err != nil {
			return err
		}
	}
	return writeFile(stampFile, []byte(stamp))
}

// buildWasm compiles one browser wasm and its brotli copy.
func (s site) buildWasm(pkg, target string) error {
	tmp := target + ".tmp"
	cmd := exec.Command("go", "build", "-trimpath", "-ldflags=-s -w", "-o", tmp, pkg)
	cmd.Dir = s.root
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("building the browser wasm %s: %v\n%s", pkg, err, out)
	}
	built, err := os.ReadFile(tmp)
	if err != nil {
		return err
	}
	os.Remove(tmp)
	packed, err := wasmdata.Pack(built, wasmdata.Gap)
	if err != nil {
		return fmt.Errorf("packing the browser wasm %s: %v", pkg, err)
	}
	if err := writeFile(target, packed); err != nil {
		return err
	}
	return precompress(target)
}

// sourceStamp hashes everything the wasm is built from: go.mod, go.sum and
// the non-test Go files under wasm/, plus the Go version.
func (s site) sourceStamp() (string, error) {
	h := sha256.New()
	fmt.Fprintln(h, runtime.Version())
	for _, name := range []string{"go.mod", "go.sum"} {
		if err := hashFile(h, filepath.Join(s.root, name)); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return "", err
		}
	}
	err := filepath.WalkDir(filepath.Join(s.root, "wasm"), func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return err
		}
		fmt.Fprintln(h, path)
		return hashFile(h, path)
	})
	return hex.EncodeToString(h.Sum(nil)), err
}

func hashFile(w io.Writer, path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	_, err = io.Copy(w, f)
	return err
}

// copyWeb copies web/ except the page templates (web.go embeds them) and
// the .d.ts, which only documents the bridge.
func (s site) copyWeb() error {
	web := filepath.Join(s.root, "web")
	return filepath.WalkDir(web, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(web, path)
		if strings.HasPrefix(d.Name(), ".") { // an editor's or a desktop's file (.DS_Store), not the site's
			return nil
		}
		if rel == "index.html" || rel == "embed.html" || rel == "poster.html" || strings.HasSuffix(rel, ".d.ts") || strings.HasSuffix(rel, ".go") {
			return nil
		}
		raw, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		small, err := minified(rel, raw)
		if err != nil {
			return fmt.Errorf("%s: %w", rel, err)
		}
		return writeFile(filepath.Join(s.out, rel), small)
	})
}

func firstNonEmpty(s ...string) string {
	for _, v := range s {
		if v != "" {
			return v
		}
	}
	return ""
}

func goEnv(name string) (string, error) {
	out, err := exec.Command("go", "env", name).Output()
	if err != nil {
		return "", fmt.Errorf("go env %s: %w (is Go installed and on PATH?)", name, err)
	}
	return strings.TrimSpace(string(out)), nil
}

func copyFile(src, dst string) error {
	data, err := os.ReadFile(src)
	if err != nil {
		return err
	}
	return writeFile(dst, data)
}

// writeFile replaces dst atomically, so a running server never serves half a file.
func writeFile(dst string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return err
	}
	tmp := dst + ".tmp"
	if err := os.WriteFile(tmp, data, 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, dst)
}

// brotliBytes compresses a rendered page for serve's memory (level 6: a
// new revision's pages take milliseconds, not the seconds of level 11).
func brotliBytes(data []byte) []byte { return brotliLevel(data, 6) }

// brotliBest compresses a rendered page again, at level 11, in the
// background (host.Memory.Recompress): the sample's page 41,370 → 34,523 B.
func brotliBest(data []byte) []byte { return brotliLevel(data, brotli.BestCompression) }

func brotliLevel(data []byte, level int) []byte {
	var b bytes.Buffer
	w := brotli.NewWriterLevel(&b, level)
	w.Write(data)
	w.Close()
	return b.Bytes()
}

// precompress writes path.br next to path: serve hands it to browsers that
// accept brotli, and the budget test weighs this very file. For the wasm
// that is 0.89 MB instead of 4.3 MB: on a slow 4G line (1.6 Mbit/s) about
// 4.4 s instead of 22 s. Level 11 takes ~10 s where level 9 takes ~2 s, but
// level 9 gives 1.01 MB, over the 0.9 MB budget; the build pays it once per
// change of the wasm's sources (the stamp), never per request.
func precompress(path string) error {
	raw, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	var b bytes.Buffer
	w := brotli.NewWriterLevel(&b, brotli.BestCompression)
	if _, err := w.Write(raw); err != nil {
		return err
	}
	if err := w.Close(); err != nil {
		return err
	}
	return writeFile(path+".br", b.Bytes())
}
