package page

import (
	"encoding/json"
	"html/template"
	"strings"
	"testing"

	"github.com/buurtkaart/buurtkaart/wasm/sketch"
	"github.com/buurtkaart/buurtkaart/web"
)

// asTemplateData is d as html/template takes it: trusted HTML as
// template.HTML, lists as []map[string]any.
func asTemplateData(v any) any {
	switch v := v.(type) {
	case trusted:
		return template.HTML(v)
	case dot:
		out := map[string]any{}
		for k, x := range v {
			out[k] = asTemplateData(x)
		}
		return out
	case []dot:
		out := make([]any, len(v))
		for i, x := range v {
			out[i] = asTemplateData(x)
		}
		return out
	}
	return v
}

// The pages are html/template files: rendered here, they are byte for byte
// what html/template makes of them, titles with markup and quotes included.
func TestTemplatesAsHTMLTemplate(t *testing.T) {
	m, _ := sample(t)
	m.Title = "Schilderswijk <b>&</b> \"wij\" 'zij' A+B \x00"
	m.Places[0].Note = `<script>alert("x")</script> & co`
	m.Extra = map[string]json.RawMessage{"intro": json.RawMessage(`"Wat we <hier> hebben & delen"`)}
	_, f := sketch.Map(m, sketch.PageOptions())
	pages := pageData(m, Options{URL: "https://kaart.example.nl/schilderswijk/"}, `<svg id="kaart"><text>a &amp; b</text></svg>`, f, `1f"><script>`)
	// A URL attribute with a scheme that runs code, or bytes a URL may not hold.
	pages["index2.html"] = pageData(m, Options{URL: "javascript:alert(1)//"}, "", f, "")["index.html"]
	pages["index3.html"] = pageData(m, Options{URL: "https://kaart.example.nl/buurt met spatie/(oud)'s/"}, "", f, "ab12")["index.html"]
	for name, d := range pages {
		name := strings.TrimSuffix(strings.TrimSuffix(name, "2.html"), "3.html")
		if !strings.HasSuffix(name, ".html") {
			name += ".html"
		}
		src, err := web.Templates.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		want := new(strings.Builder)
		if err := template.Must(template.New(name).Parse(string(src))).Execute(want, asTemplateData(d)); err != nil {
			t.Fatal(err)
		}
		tp, err := parseTmpl(string(src))
		if err != nil {
			t.Fatal(err)
		}
		got := new(strings.Builder)
		if err := tp.execute(got, d); err != nil {
			t.Fatal(err)
		}
		if got.String() != want.String() {
			g, w := got.String(), want.String()
			i := 0
			for i < len(g) && i < len(w) && g[i] == w[i] {
				i++
			}
			t.Errorf("%s differs from html/template's at byte %d:\n got …%.120s\nwant …%.120s", name, i, g[max(0, i-40):], w[max(0, i-40):])
		}
	}
}

func TestTemplateErrors(t *testing.T) {
	for _, src := range []string{"{{.A", "{{range .A}}x", "{{with .A}}{{end}}", "{{end}}", "{{if .A}}{{else}}{{else}}{{end}}",
		// contexts whose escaping is html/template's alone
		`<a onclick="{{.A}}">`, `<p style="{{.A}}">`, `<script>var a = {{.A}}</script>`, `<a href={{.A}}>`, `<{{.A}}>`} {
		if _, err := parseTmpl(src); err == nil {
			t.Errorf("parseTmpl(%q) took it", src)
		}
	}
	tp, _ := parseTmpl("{{.Missing}}")
	if err := tp.execute(new(strings.Builder), dot{}); err == nil {
		t.Error("a missing field was written as nothing")
	}
}
