package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/buurtkaart/buurtkaart/wasm/sketch"
)

// TestEmbedPage renders the embed page of the sample map: the drawn map is
// in it before any script runs, with the corners the page needs for a start
// view, and _headers is the one wasm/embed writes.
func TestEmbedPage(t *testing.T) {
	root, err := findRoot()
	if err != nil {
		t.Fatal(err)
	}
	m, _, err := loadMap(filepath.Join(root, "geodata", "schilderswijk.geojson"), io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	s := site{root: root, out: t.TempDir()}
	if err := s.renderMap(m, nil); err != nil {
		t.Fatal(err)
	}
	page, _ := os.ReadFile(filepath.Join(s.out, "embed.html"))
	for _, want := range []string{`<svg xmlns="http://www.w3.org/2000/svg" id="kaart"`, `data-corners="`, `src="embed-page.js"`, `value="verhaal"`,
		// Both languages, Dutch first, each marked with its lang (taal=en only reorders them in the browser).
		`<span lang="nl">Open de hele kaart <span aria-hidden="true">↗</span></span> <span lang="en">Open the whole map</span>`,
		`<span lang="nl">Verband</span> <span lang="en">Group</span>`,
		// A place's or pin's card, over the map.
		`<section id="kaartje" role="dialog" aria-labelledby="kaartje-naam" tabindex="-1" hidden>`,
	} {
		if !strings.Contains(string(page), want) {
			t.Errorf("embed.html lacks %s", want)
		}
	}
	for _, bad := range []string{`data-taal=`, `<span lang="en">Talent</span>`} { // one language hidden; a name the same in both said twice
		if strings.Contains(string(page), bad) {
			t.Errorf("embed.html has %s", bad)
		}
	}
}

// The phone drawing's names are laid out by the core at sketch.PhoneScale,
// the laptop drawing's at sketch.ScreenScale; the page must draw them at
// those sizes, or they overlap or waste room.
func TestPhoneScaleInStyle(t *testing.T) {
	css, err := os.ReadFile("../../web/style.css")
	if err != nil {
		t.Fatal(err)
	}
	// Before the wasm runs, that is --s itself or the fallback of the
	// variable the full map's view sets when it zooms (--s-smal).
	want := fmt.Sprintf(".kaart .smal { display: none; --s: %g; }", sketch.PhoneScale)
	orVar := fmt.Sprintf(".kaart .smal { display: none; --s: var(--s-smal, %g); }", sketch.PhoneScale)
	if !strings.Contains(string(css), want) && !strings.Contains(string(css), orVar) {
		t.Errorf("web/style.css lacks %q (or %q)", want, orVar)
	}
	// And the laptop drawing's at sketch.ScreenScale: the map's own --s.
	got := ""
	if m := regexp.MustCompile(`(?m)^\.kaart \{[^}]*--s: ([0-9.]+);`).FindSubmatch(css); m != nil {
		got = string(m[1])
	}
	if got != fmt.Sprint(sketch.ScreenScale) {
		t.Errorf("web/style.css: .kaart's --s is %q, want %g (sketch.ScreenScale)", got, sketch.ScreenScale)
	}
}
