package sketch

import (
	"os"
	"strings"
	"testing"

	"github.com/buurtkaart/buurtkaart/wasm/atlas"
	"github.com/buurtkaart/buurtkaart/wasm/kind"
)

// TestStylesheetIsThePalette: the page's stylesheet writes the screen's
// colours by class; every one of them is Colour's, so the phone shows the
// legend the poster prints. Change a colour in palette.go and here in
// web/style.css together.
func TestStylesheetIsThePalette(t *testing.T) {
	css := stylesheet(t, "../../web/style.css")
	p := &Colour
	want := []struct{ selector, property, value string }{
		{":root", "--papier", p.Paper},
		{":root", "--inkt", p.Ink},
		{":root", "--pin-inkt", p.Pin},
		{".kaart .straat .nogmaals", "stroke", p.Soft},
		{".kaart .leiders path", "stroke", p.Soft},
		{".kaart .labels text.straatnaam", "fill", p.Soft},
		{".kaart .labels .notitie", "fill", p.Note},
		{".kaart .plekken path.mark.klont", "fill", p.Light},
		{".kaart .plekken path.mark.wachtend", "fill", p.Light},
	}
	for i, k := range kind.All {
		want = append(want,
			struct{ selector, property, value string }{".kaart ." + string(k) + ", .legenda ." + string(k), "fill", p.Kinds[i]},
			struct{ selector, property, value string }{"#pinform ." + string(k), "fill", p.Kinds[i]})
	}
	for _, l := range atlas.Layers {
		li := p.Layer(l)
		path := ".kaart ." + string(l) + " path"
		want = append(want, struct{ selector, property, value string }{path, "stroke", li.Line})
		if li.Width > 0 {
			want = append(want, struct{ selector, property, value string }{path, "stroke-width", num(li.Width)})
		}
		if li.Fill != "" {
			want = append(want, struct{ selector, property, value string }{path, "fill", li.Fill},
				struct{ selector, property, value string }{".kaart ." + string(l) + " .arcering", "stroke", li.Hatch},
				struct{ selector, property, value string }{".kaart ." + string(l) + " .arcering", "stroke-width", num(li.HatchWidth)})
		}
		if li.Dot != [2]float64{} {
			want = append(want, struct{ selector, property, value string }{path, "stroke-dasharray", num(li.Dot[0]) + " " + num(li.Dot[1])})
		}
	}
	for _, w := range want {
		got, ok := css[w.selector][w.property]
		if !ok {
			t.Errorf("web/style.css: no %s in %q", w.property, w.selector)
			continue
		}
		// The stylesheet writes 0.6 as .6.
		if got = strings.TrimPrefix(got, "0"); got != strings.TrimPrefix(w.value, "0") {
			t.Errorf("web/style.css: %s { %s: %s }, the palette says %s", w.selector, w.property, got, w.value)
		}
	}
}

// stylesheet reads a CSS file's plain rules: selector → property → value.
func stylesheet(t *testing.T, path string) map[string]map[string]string {
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]map[string]string{}
	text := string(data)
	for {
		open := strings.Index(text, "{")
		if open < 0 {
			break
		}
		close := strings.Index(text[open:], "}")
		if close < 0 {
			break
		}
		sel := text[:open]
		if i := strings.LastIndex(sel, "*/"); i >= 0 {
			sel = sel[i+2:]
		}
		if i := strings.LastIndex(sel, "}"); i >= 0 {
			sel = sel[i+1:]
		}
		sel = strings.Join(strings.Fields(sel), " ")
		body := text[open+1 : open+close]
		if strings.Contains(body, "{") { // @media and the like: step inside
			text = text[open+1:]
			continue
		}
		if out[sel] == nil {
			out[sel] = map[string]string{}
		}
		for _, decl := range strings.Split(body, ";") {
			if k, v, ok := strings.Cut(decl, ":"); ok {
				out[sel][strings.TrimSpace(k)] = strings.TrimSpace(v)
			}
		}
		text = text[open+close+1:]
	}
	return out
}
