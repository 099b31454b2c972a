package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

var binary string // the buurtkaart command, built once for these tests

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "buurtkaart-cli")
	if err != nil {
		panic(err)
	}
	binary = filepath.Join(dir, "buurtkaart")
	if out, err := exec.Command("go", "build", "-o", binary, ".").CombinedOutput(); err != nil {
		panic(string(out))
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// run runs the command in the source tree and returns its status and output.
func run(t *testing.T, args ...string) (int, string) {
	t.Helper()
	cmd := exec.Command(binary, args...)
	cmd.Dir = "../.."
	out, err := cmd.CombinedOutput()
	if ee, ok := err.(*exec.ExitError); ok {
		return ee.ExitCode(), string(out)
	} else if err != nil {
		t.Fatal(err)
	}
	return 0, string(out)
}

func TestServeRefusesBadMapsInOneLine(t *testing.T) {
	dir := t.TempDir()
	broken := filepath.Join(dir, "kapot.geojson")
	os.WriteFile(broken, []byte("{\"type\":\"FeatureCollection\",\n \"features\": [,]}"), 0o644)
	notMap := filepath.Join(dir, "punt.geojson")
	os.WriteFile(notMap, []byte(`{"type":"Point","coordinates":[4.3,52.07]}`), 0o644)
	tests := []struct {
		name string
		path string
		want *regexp.Regexp
	}{
		{"missing", filepath.Join(dir, "weg.geojson"), regexp.MustCompile(`^buurtkaart: \S+weg\.geojson: no such file or directory\n$`)},
		{"invalid JSON", broken, regexp.MustCompile(`^\S+kapot\.geojson: 2:15: error: not valid JSON: invalid character ',' .*\nbuurtkaart: \S+kapot\.geojson: not a map file \(see above\)\n$`)},
		{"not a collection", notMap, regexp.MustCompile(`^\S+punt\.geojson: error: top-level type is "Point", not "FeatureCollection".*\nbuurtkaart: \S+: not a map file \(see above\)\n$`)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out := run(t, "serve", "--map", tt.path, "--db", filepath.Join(dir, "x.db"), "--addr", "127.0.0.1:0")
			if code != 1 || !tt.want.MatchString(out) || strings.Contains(out, "goroutine") {
				t.Fatalf("exit %d, output:\n%s\nwant exit 1 and %s", code, out, tt.want)
			}
		})
	}
}

func TestCheck(t *testing.T) {
	code, out := run(t, "check", "geodata/golden/mini.geojson")
	if code != 0 || !strings.Contains(out, "ok: 5 places") {
		t.Fatalf("exit %d: %s", code, out)
	}
	bad := filepath.Join(t.TempDir(), "bad.geojson")
	os.WriteFile(bad, []byte(`{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[4.3,52.07]},"properties":{"name":"Fatima","kind":"talnt"}}]}`), 0o644)
	code, out = run(t, "check", bad)
	if code != 1 || !strings.Contains(out, `feature 0 "Fatima": error: unknown kind "talnt"; did you mean "talent"?`) {
		t.Fatalf("exit %d: %s", code, out)
	}
}

// TestWranglerDefaultMap keeps the Worker's default map the sample the
// site is built with (scripts/worker-build): it seeds a fresh D1 with it.
func TestWranglerDefaultMap(t *testing.T) {
	toml, err := os.ReadFile("../../wrangler.toml")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?m)^BUURTKAART_MAP = "([^"]*)"`).FindSubmatch(toml)
	if m == nil || string(m[1]) != mapKey("geodata/schilderswijk.geojson") {
		t.Fatalf("wrangler.toml BUURTKAART_MAP = %q, want the sample's slug", m)
	}
}
