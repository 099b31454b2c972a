package poster

import (
	"bytes"
	"encoding/xml"
	"flag"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/buurtkaart/buurtkaart/wasm/atlas"
	"github.com/buurtkaart/buurtkaart/wasm/pin"
)

var update = flag.Bool("update", false, "rewrite the golden SVG files in testdata/")

// TestGolden composes the sample on A3 and A2 landscape and compares the SVG
// byte for byte with testdata/. Run `go test ./wasm/poster -update` after a
// deliberate change and look at the diff (and the files in a browser).
func TestGolden(t *testing.T) {
	for _, tt := range []struct {
		name  string
		paper Paper
	}{{"schilderswijk-a3", Paper{Size: A3}}, {"schilderswijk-a2-liggend", Paper{Size: A2, Landscape: true}}} {
		t.Run(tt.name, func(t *testing.T) {
			p, err := Compose(sample(t), fixed(tt.paper))
			if err != nil {
				t.Fatal(err)
			}
			var got bytes.Buffer
			if err := WriteSVG(&got, p.Pages[0]); err != nil {
				t.Fatal(err)
			}
			golden := filepath.Join("testdata", tt.name+".svg")
			if *update {
				if err := os.WriteFile(golden, got.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if !bytes.Equal(got.Bytes(), want) {
				t.Errorf("%s differs from %s; run with -update and review the diff", tt.name, golden)
			}
		})
	}
}

// hostile are XSS vectors in every text a poster prints.
var hostile = []string{
	`</title><script>alert(1)</script>`,
	`<img src=x onerror=alert(1)>`,
	`"><svg onload=alert(1)>`,
	`' onmouseover='alert(1)`,
	`<foreignObject><iframe src="javascript:alert(1)"/></foreignObject>`,
	`<a href="javascript:alert(1)">klik</a>`,
	"]]><script>alert(1)</script><![CDATA[",
	"<!--<script>-->",
	"&lt;script&gt;alert(1)&lt;/script&gt;",
	"regel\u2028<script>\nalert(1)",
}

// TestHostileTextCannotInject puts each vector in the title, the buurt,
// the attribution, a place's name and a pin's note, name and author, and
// checks the SVG is well-formed XML of only svg, title, path and text
// elements with only drawing attributes, so no text became markup.
func TestHostileTextCannotInject(t *testing.T) {
	allowed := map[string]bool{"svg": true, "title": true, "path": true, "text": true}
	attrs := map[string]bool{"xmlns": true, "width": true, "height": true, "viewBox": true, "lang": true, "font-family": true,
		"d": true, "fill": true, "stroke": true, "stroke-width": true, "stroke-linecap": true, "stroke-linejoin": true,
		"stroke-dasharray": true, "x": true, "y": true, "font-size": true, "text-anchor": true, "transform": true, "paint-order": true}
	for _, bad := range hostile {
		m := *sample(t)
		m.Title, m.Buurt, m.Attribution = bad, bad, bad
		m.Places = append([]atlas.Place{{ID: "x", Name: bad, Kind: "plek", At: atlas.Point{Lon: 4.305, Lat: 52.068}}}, m.Places...)
		o := fixed(Paper{Size: A3})
		o.Pins = []pin.Pin{{ID: "p", Lon: 4.31, Lat: 52.07, Kind: "verhaal", Name: bad, Note: bad, Author: bad, ShowAuthor: true}}
		o.URL = bad
		p, err := Compose(&m, o)
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		WriteSVG(&b, p.Pages[0])
		out := b.String()
		for _, s := range []string{"<script", "<foreignObject", "<img", "<iframe", "<a ", "<svg onload", "<![CDATA", "<!--"} {
			if strings.Contains(strings.ToLower(out), strings.ToLower(s)) {
				t.Errorf("%q: SVG contains %q", bad, s)
			}
		}
		dec := xml.NewDecoder(&b)
		for {
			tok, err := dec.Token()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatalf("%q: SVG is not well-formed: %v", bad, err)
			}
			if se, ok := tok.(xml.StartElement); ok {
				if !allowed[se.Name.Local] {
					t.Errorf("%q: element <%s> in SVG", bad, se.Name.Local)
				}
				for _, a := range se.Attr {
					if !attrs[a.Name.Local] || strings.Contains(strings.ToLower(a.Value), "javascript:") {
						t.Errorf("%q: attribute %s=%q in SVG", bad, a.Name.Local, a.Value)
					}
				}
			}
		}
	}
}
