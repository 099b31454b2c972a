//go:build js && wasm

// Command posterpage is the poster page's own wasm (poster.html): the map
// and the poster composer (wasm/poster), which the map's wasm leaves out,
// so the map a resident opens on a walk is about 59 KB brotli lighter. One
// bridge object, globalThis.buurtkaart, with load and poster (see
// web/buurtkaart.d.ts); it answers like the map's.
package main

import (
	"encoding/json"
	"strings"
	"syscall/js"
	"time"

	"github.com/buurtkaart/buurtkaart/wasm/atlas"
	"github.com/buurtkaart/buurtkaart/wasm/jsbridge"
	"github.com/buurtkaart/buurtkaart/wasm/pin"
	"github.com/buurtkaart/buurtkaart/wasm/poster"
)

// bridge holds the loaded map.
type bridge struct{ m *atlas.Map }

func main() {
	b := &bridge{}
	jsbridge.Serve(map[string]any{
		"version": "0.1.0",
		"load":    jsbridge.Method(b.load),
		"poster":  jsbridge.Method(b.poster),
	})
}

// load(geojson) → {diagnostics, places, error?}, as the map's wasm answers.
func (b *bridge) load(args []js.Value) any {
	m, answer := jsbridge.Load(args[0].String())
	if m != nil {
		b.m = m
	}
	return answer
}

// posterRequest is poster()'s options JSON; every field may be left out.
type posterRequest struct {
	Size      string          `json:"size"`      // "A4" (default), "A3", "A2", "A1"
	Landscape bool            `json:"landscape"` // default standing
	Title     string          `json:"title"`     // default the map's
	Date      string          `json:"date"`      // "2026-06-20", the page's today; default none printed
	Pins      json.RawMessage `json:"pins"`      // the public pins collection (GeoJSON) as GET api/pins gives it
	URL       string          `json:"url"`       // the pin form, written under the QR code
	QR        [][]bool        `json:"qr"`        // its modules (qr.json); default a placeholder
	Ink       string          `json:"ink"`       // "kleur" (default) or "zwart": black ink, greys only
}

// poster(optionsJSON, measure?) → {svg, more, pages, width, height, entries, ms} | {error}
//
// It composes the loaded map as a printable poster with wasm/poster, the
// same composition as `buurtkaart poster` and /poster.pdf, and returns the
// first sheet as SVG (width and height in points) and any further sheets
// of the index in more. measure(text, size) → width, if given, is the
// page's measure of the handwriting font, so labels are placed for the
// font the browser really draws; without it the core over-estimates.
func (b *bridge) poster(args []js.Value) any {
	if b.m == nil {
		return map[string]any{"error": "no map loaded"}
	}
	var req posterRequest
	if err := json.Unmarshal([]byte(args[0].String()), &req); err != nil {
		return map[string]any{"error": "poster: options: " + err.Error()}
	}
	size, err := poster.ParseSize(req.Size)
	if err != nil {
		return map[string]any{"error": err.Error()}
	}
	ink, err := poster.ParseInk(req.Ink)
	if err != nil {
		return map[string]any{"error": err.Error()}
	}
	o := &poster.Options{Paper: poster.Paper{Size: size, Landscape: req.Landscape}, Title: req.Title, URL: req.URL, QR: req.QR, Ink: ink}
	if req.Date != "" {
		if o.Date, err = time.Parse("2006-01-02", req.Date); err != nil {
			return map[string]any{"error": "poster: date: " + err.Error()}
		}
	}
	if len(req.Pins) > 0 && string(req.Pins) != "null" {
		if o.Pins, err = pin.ParseCollection(req.Pins); err != nil {
			return map[string]any{"error": err.Error()}
		}
	}
	if len(args) > 1 && args[1].Type() == js.TypeFunction {
		o.Measure = jsMeasure(args[1])
	}
	start := time.Now()
	p, err := poster.Compose(b.m, o)
	if err != nil {
		return map[string]any{"error": err.Error()}
	}
	svgs := make([]any, len(p.Pages))
	for i, pg := range p.Pages {
		var sb strings.Builder
		if err := poster.WriteSVG(&sb, pg); err != nil {
			return map[string]any{"error": err.Error()}
		}
		svgs[i] = sb.String()
	}
	return map[string]any{"svg": svgs[0], "more": svgs[1:], "pages": len(p.Pages),
		"width": p.Pages[0].Width, "height": p.Pages[0].Height, "entries": p.Entries,
		"ms": float64(time.Since(start).Microseconds()) / 1000}
}

// jsMeasure wraps the page's measure function, remembering each answer:
// fitting the index asks for the same names at several sizes, and a call
// into JS costs far more than a map lookup.
func jsMeasure(f js.Value) func(string, float64) float64 {
	type key struct {
		s    string
		size float64
	}
	seen := map[key]float64{}
	return func(s string, size float64) float64 {
		k := key{s, size}
		if w, ok := seen[k]; ok {
			return w
		}
		w := f.Invoke(s, size).Float()
		seen[k] = w
		return w
	}
}
