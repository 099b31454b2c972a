package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestPosterBlackInk: `poster --ink zwart` prints in greys only, for a
// copy shop's black-and-white printer; an unknown ink is refused.
func TestPosterBlackInk(t *testing.T) {
	out := filepath.Join(t.TempDir(), "zwart.svg")
	if code, msg := run(t, "poster", "--size", "A2", "--ink", "zwart", "-o", out); code != 0 {
		t.Fatalf("exit %d: %s", code, msg)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	colours := regexp.MustCompile(`#[0-9a-fA-F]{6}\b`).FindAllString(string(data), -1)
	if len(colours) < 100 {
		t.Fatalf("%d colours in the SVG; want a drawn map", len(colours))
	}
	for _, c := range colours {
		if c[1:3] != c[3:5] || c[3:5] != c[5:7] {
			t.Fatalf("black ink: %s is not a grey", c)
		}
	}
	if code, msg := run(t, "poster", "--ink", "paars", "-o", out); code == 0 || !strings.Contains(msg, "zwart") {
		t.Errorf("--ink paars: exit %d, %q; want a refusal naming the inks", code, msg)
	}
}
