package main

import (
	"bytes"
	"html/template"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/buurtkaart/buurtkaart/wasm/atlas"
	"github.com/buurtkaart/buurtkaart/wasm/embed"
	"github.com/buurtkaart/buurtkaart/wasm/kind"
	"github.com/buurtkaart/buurtkaart/wasm/sketch"
)

// embedPage renders web/embed.html, the map for other sites' iframes, with
// the same pre-rendered SVG as index.html, and writes the _headers file
// that gives the static assets at the edge the same security headers as
// `serve` (both come from wasm/embed).
func (s site) embedPage(m *atlas.Map) error {
	tpl, err := template.ParseFiles(filepath.Join(s.root, "web", "embed.html"))
	if err != nil {
		return err
	}
	// The page's drawing: for a frame wider than a phone's, and for a narrow
	// one (below 600 px) until the wasm lays it out for the frame's width.
	d, f := sketch.Map(m, sketch.PageOptions())
	var svg strings.Builder
	if err := sketch.WriteSVG(&svg, d); err != nil {
		return err
	}
	type kindText struct {
		Key string
		kind.Text
	}
	var kinds []kindText
	for _, k := range kind.All {
		kinds = append(kinds, kindText{string(k), k.Text()})
	}
	var buf bytes.Buffer
	err = tpl.Execute(&buf, map[string]any{
		"Lang": m.Language, "Title": m.Title, "Kinds": kinds,
		"Corners": corners(f),
		"SVG":     template.HTML(svg.String()), // the core escapes every text it draws
	})
	if err != nil {
		return err
	}
	if err := writeFile(filepath.Join(s.out, "embed.html"), buf.Bytes()); err != nil {
		return err
	}
	return writeFile(filepath.Join(s.out, "_headers"), []byte(embed.HeadersFile()))
}

// corners is "lon0,lat0,lon1,lat1": where the drawing's top-left (0,0) and
// bottom-right (width,height) lie. The frame is linear in lon and lat, so
// the page can turn a start view (midden=lon,lat) into drawing units before
// the wasm, which only unprojects, has arrived.
func corners(f sketch.Frame) string {
	a := f.Unproject(sketch.XY{})
	b := f.Unproject(sketch.XY{X: f.Width, Y: f.Height})
	var parts []string
	for _, v := range []float64{a.Lon, a.Lat, b.Lon, b.Lat} {
		parts = append(parts, strconv.FormatFloat(v, 'f', 7, 64))
	}
	return strings.Join(parts, ",")
}
