package main

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/tdewolff/canvas"

	"github.com/buurtkaart/buurtkaart/wasm/sketch"
)

// pageFont is the handwriting the map's pages load (web/fonts.css): the
// Latin subset of posterFont that scripts/font-subset makes (issue 17).
// The poster keeps posterFont, the full, hinted font.
const pageFont = "web/fonts/PatrickHand-Latin.woff2"

// pageFontBudget is the most the page font may weigh: the subset is
// ~17.9 KB against the full font's 62 KB, 0.2 s less on a phone at 200 KB/s.
const pageFontBudget = 20_000

// TestPageFontSubset checks the generated page font against the full font
// (CI does not regenerate it): every character the label placer's advance
// table measures (sketch.Advance) that the full font has, the subset has
// too, just as wide, so the table holds for the face the page draws with.
// Then the pages' CSS: the subset's unicode-range names what it holds, the
// full font's face takes the rest without overlapping it (or Latin text
// would fetch both), and every font a page preloads is one its CSS uses.
func TestPageFontSubset(t *testing.T) {
	root, err := findRoot()
	if err != nil {
		t.Fatal(err)
	}
	full, fullSize := loadFontForTest(t, filepath.Join(root, posterFont))
	sub, subSize := loadFontForTest(t, filepath.Join(root, pageFont))
	for _, p := range subsetProblems(full, sub, subSize) {
		t.Error(p)
	}
	t.Logf("%s: %d bytes, %d characters; %s: %d bytes, %d characters", posterFont, fullSize, len(fontRunes(full)), pageFont, subSize, len(fontRunes(sub)))

	for _, css := range []string{"web/fonts.css"} {
		src, err := os.ReadFile(filepath.Join(root, css))
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range faceRangeProblems(string(src), full, sub) {
			t.Errorf("%s: %s", css, p)
		}
	}
	checkFontPreloads(t, root)
}

func loadFontForTest(t *testing.T, path string) (*canvas.Font, int) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	f, err := canvas.LoadFont(data, 0, canvas.FontRegular)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return f, len(data)
}

// subsetProblems compares the subset sub (size bytes) with the full font.
func subsetProblems(full, sub *canvas.Font, size int) []string {
	var out []string
	if size > pageFontBudget {
		out = append(out, fmt.Sprintf("%s is %d bytes, more than %d: a phone at 200 KB/s waits for every one", pageFont, size, pageFontBudget))
	}
	if full.UnitsPerEm() != sub.UnitsPerEm() {
		return append(out, fmt.Sprintf("units per em: full font %d, subset %d", full.UnitsPerEm(), sub.UnitsPerEm()))
	}
	var lacking []string
	for r := sketch.AdvanceFirst; r <= sketch.AdvanceLast; r++ {
		if full.GlyphIndex(r) == 0 {
			continue
		}
		if sub.GlyphIndex(r) == 0 {
			lacking = append(lacking, fmt.Sprintf("%U %q", r, r))
		}
	}
	if len(lacking) > 0 {
		out = append(out, fmt.Sprintf("the subset lacks %d characters the full font has in %U…%U (sketch.Advance's table): %s; run scripts/font-subset with them in UNICODES",
			len(lacking), sketch.AdvanceFirst, sketch.AdvanceLast, strings.Join(lacking, ", ")))
	}
	// every glyph the subset keeps must be as wide as the full font's,
	// beyond the table too (quotes, dashes, €)
	for _, r := range fontRunes(sub) {
		g := full.GlyphIndex(r)
		if g == 0 {
			out = append(out, fmt.Sprintf("the subset has %U %q, the full font has not", r, r))
			continue
		}
		if a, b := full.GlyphAdvance(g), sub.GlyphAdvance(sub.GlyphIndex(r)); a != b {
			out = append(out, fmt.Sprintf("%U %q: %d units wide in the full font, %d in the subset", r, r, a, b))
		}
	}
	return out
}

// fontRunes are the printable characters f has a glyph for (not the
// controls U+0000 and U+000D fonts map by tradition).
func fontRunes(f *canvas.Font) []rune {
	var rs []rune
	for r := rune(0x20); r <= 0x10FFFF; r++ {
		if f.GlyphIndex(r) != 0 {
			rs = append(rs, r)
		}
	}
	return rs
}

var (
	fontFaceRule = regexp.MustCompile(`@font-face\s*\{([^}]*)\}`)
	fontFaceDesc = regexp.MustCompile(`(?s)([a-z-]+)\s*:\s*([^;]+)`)
	fontFaceURL  = regexp.MustCompile(`url\(\s*["']?([^"')]+)["']?\s*\)`)
)

// fontFaces reads the @font-face rules of a stylesheet: per src URL its
// family and its unicode-range (nil: all of Unicode).
func fontFaces(css string) (map[string]string, map[string][][2]rune, error) {
	family, ranges := map[string]string{}, map[string][][2]rune{}
	for _, m := range fontFaceRule.FindAllStringSubmatch(css, -1) {
		d := map[string]string{}
		for _, kv := range fontFaceDesc.FindAllStringSubmatch(m[1], -1) {
			d[kv[1]] = strings.TrimSpace(kv[2])
		}
		u := fontFaceURL.FindStringSubmatch(d["src"])
		if u == nil {
			return nil, nil, fmt.Errorf("@font-face without a url(): %q", m[0])
		}
		family[u[1]] = strings.Trim(d["font-family"], `"'`)
		if s, ok := d["unicode-range"]; ok {
			rs, err := parseUnicodeRange(s)
			if err != nil {
				return nil, nil, err
			}
			ranges[u[1]] = rs
		}
	}
	return family, ranges, nil
}

// parseUnicodeRange reads "U+0020-007E, U+00A0" (no wildcards).
func parseUnicodeRange(s string) ([][2]rune, error) {
	var out [][2]rune
	for _, part := range strings.Split(s, ",") {
		part = strings.TrimSpace(part)
		hex, ok := strings.CutPrefix(strings.ToUpper(part), "U+")
		if !ok || strings.Contains(hex, "?") {
			return nil, fmt.Errorf("unicode-range %q: want U+XXXX or U+XXXX-YYYY", part)
		}
		lo, hi, isRange := strings.Cut(hex, "-")
		if !isRange {
			hi = lo
		}
		a, err1 := strconv.ParseUint(lo, 16, 32)
		b, err2 := strconv.ParseUint(hi, 16, 32)
		if err1 != nil || err2 != nil || a > b {
			return nil, fmt.Errorf("unicode-range %q: not a range", part)
		}
		out = append(out, [2]rune{rune(a), rune(b)})
	}
	return out, nil
}

func inRanges(rs [][2]rune, r rune) bool {
	for _, x := range rs {
		if x[0] <= r && r <= x[1] {
			return true
		}
	}
	return false
}

// faceRangeProblems checks a stylesheet's two faces of the handwriting: the
// subset for what it holds, the full font for the rest, never both.
func faceRangeProblems(css string, full, sub *canvas.Font) []string {
	family, ranges, err := fontFaces(css)
	if err != nil {
		return []string{err.Error()}
	}
	subURL, fullURL := strings.TrimPrefix(pageFont, "web/"), strings.TrimPrefix(posterFont, "web/")
	if family[subURL] == "" || family[subURL] != family[fullURL] {
		return []string{fmt.Sprintf("want two @font-face rules of one family, src %s and %s; have %v", subURL, fullURL, family)}
	}
	latin, rest := ranges[subURL], ranges[fullURL]
	if latin == nil || rest == nil {
		return []string{"both faces need a unicode-range, or the full font is fetched for every page"}
	}
	var out []string
	var missing, unnamed, uncovered, both []string
	for _, r := range fontRunes(full) {
		inSub := sub.GlyphIndex(r) != 0
		switch {
		case inRanges(latin, r) && inRanges(rest, r):
			both = append(both, fmt.Sprintf("%U", r))
		case inRanges(latin, r) && !inSub:
			missing = append(missing, fmt.Sprintf("%U", r)) // the browser would draw it in a fallback face
		case !inRanges(latin, r) && inSub:
			unnamed = append(unnamed, fmt.Sprintf("%U", r)) // fetched from the full font though the subset has it
		case !inRanges(latin, r) && !inRanges(rest, r):
			uncovered = append(uncovered, fmt.Sprintf("%U", r))
		}
	}
	for _, p := range []struct {
		rs  []string
		msg string
	}{
		{both, "in both faces' unicode-range (Latin text would fetch the full font too)"},
		{missing, "in the subset's unicode-range but not in the subset (scripts/font-subset's UNICODES and the CSS differ)"},
		{unnamed, "in the subset but not in its unicode-range (scripts/font-subset's UNICODES and the CSS differ)"},
		{uncovered, "in the full font but in neither unicode-range"},
	} {
		if len(p.rs) > 0 {
			out = append(out, fmt.Sprintf("%d characters %s: %s", len(p.rs), p.msg, strings.Join(p.rs, " ")))
		}
	}
	return out
}

var (
	fontPreload = regexp.MustCompile(`<link rel="preload" href="([^"]+)" as="font"[^>]*>`)
	styleLink   = regexp.MustCompile(`<link rel="stylesheet" href="([^"]+)"`)
	shellList   = regexp.MustCompile(`(?s)const SHELL = \[(.*?)\];`)
)

// checkFontPreloads: a page's font preload that no @font-face of its
// stylesheets uses is a wasted download on the phone, and the face then
// loads on its own, late. The map's font must be in the offline shell.
func checkFontPreloads(t *testing.T, root string) {
	pages, err := filepath.Glob(filepath.Join(root, "web", "*.html"))
	if err != nil || len(pages) == 0 {
		t.Fatalf("no pages in web/: %v", err)
	}
	for _, p := range pages {
		html, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		used := map[string]bool{}
		for _, m := range styleLink.FindAllStringSubmatch(string(html), -1) {
			css, err := os.ReadFile(filepath.Join(root, "web", m[1]))
			if err != nil {
				t.Fatalf("%s: %v", filepath.Base(p), err)
			}
			family, _, err := fontFaces(string(css))
			if err != nil {
				t.Fatalf("%s: %v", m[1], err)
			}
			for u := range family {
				used[u] = true
			}
		}
		for _, m := range fontPreload.FindAllStringSubmatch(string(html), -1) {
			if !used[m[1]] {
				t.Errorf("%s preloads %s, which no @font-face of its stylesheets uses", filepath.Base(p), m[1])
			}
		}
		if filepath.Base(p) == "index.html" && !strings.Contains(string(html), `href="`+strings.TrimPrefix(pageFont, "web/")+`" as="font"`) {
			t.Errorf("index.html does not preload %s", pageFont)
		}
	}
	sw, err := os.ReadFile(filepath.Join(root, "web", "sw.js"))
	if err != nil {
		t.Fatal(err)
	}
	if m := shellList.FindSubmatch(sw); m == nil || !strings.Contains(string(m[1]), `"`+strings.TrimPrefix(pageFont, "web/")+`"`) {
		t.Errorf("web/sw.js: SHELL does not hold %s: the map would lose its handwriting offline", pageFont)
	}
}
