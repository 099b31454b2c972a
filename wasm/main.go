//go:build js && wasm

// Command wasm is the browser entry of buurtkaart: one bridge object,
// globalThis.buurtkaart, through which the page asks the Go core to draw.
// Data crosses as strings (GeoJSON, SVG, JSON); every call is synchronous
// and fast, and a panic comes back as an {error} value instead of killing
// the runtime. The methods are documented in web/buurtkaart.d.ts.
package main

import (
	"encoding/json"
	"fmt"
	"math"
	"strings"
	"syscall/js"
	"time"

	"github.com/buurtkaart/buurtkaart/wasm/atlas"
	"github.com/buurtkaart/buurtkaart/wasm/pin"
	"github.com/buurtkaart/buurtkaart/wasm/sketch"
)

// bridge is the state behind the bridge object: the loaded map and its frame.
type bridge struct {
	m       *atlas.Map
	drawing *sketch.Drawing
	frame   sketch.Frame
}

func main() {
	b := &bridge{}
	api := map[string]any{
		"version": "0.1.0",
		"load":    method(b.load),
		"svg":     method(b.svg),
		"pins":    method(b.pins),
		"lonLat":  method(b.lonLat),
		"check":   method(b.check),
	}
	js.Global().Set("buurtkaart", js.ValueOf(api))
	if ready := js.Global().Get("buurtkaartReady"); ready.Type() == js.TypeFunction {
		ready.Invoke()
	}
	select {} // keep the runtime alive for callbacks
}

// method wraps a bridge method: it recovers panics and reports them to JS.
func method(f func(args []js.Value) any) js.Func {
	return js.FuncOf(func(this js.Value, args []js.Value) (result any) {
		defer func() {
			if r := recover(); r != nil {
				result = map[string]any{"error": fmt.Sprint("buurtkaart: ", r)}
			}
		}()
		return f(args)
	})
}

// load(geojson: string) → {diagnostics: string[], places: number, error?: string}
func (b *bridge) load(args []js.Value) any {
	m, diags := atlas.Parse([]byte(args[0].String()), nil)
	lines := make([]any, len(diags))
	for i, d := range diags {
		lines[i] = d.String()
	}
	if m == nil {
		return map[string]any{"diagnostics": lines, "error": "map could not be read"}
	}
	b.m = m
	b.drawing, b.frame = sketch.Map(m, nil)
	return map[string]any{"diagnostics": lines, "places": len(m.Places)}
}

// svg() → the whole map as an SVG string, byte-identical to the pre-render.
func (b *bridge) svg(args []js.Value) any {
	if b.drawing == nil {
		return map[string]any{"error": "no map loaded"}
	}
	var sb strings.Builder
	sketch.WriteSVG(&sb, b.drawing)
	return sb.String()
}

// pins(collection: string, pending: string[]) → the <g id="pins"> element as SVG.
func (b *bridge) pins(args []js.Value) any {
	ps, err := pin.ParseCollection([]byte(args[0].String()))
	if err != nil {
		return map[string]any{"error": err.Error()}
	}
	pending := map[string]bool{}
	if len(args) > 1 && args[1].Type() == js.TypeObject {
		for i := 0; i < args[1].Length(); i++ {
			pending[args[1].Index(i).String()] = true
		}
	}
	var sb strings.Builder
	sketch.WriteGroup(&sb, sketch.Pins(b.frame, ps, pending))
	return sb.String()
}

// lonLat(x, y) → [lon, lat] of a spot in drawing units, rounded to 6 decimals (~10 cm).
func (b *bridge) lonLat(args []js.Value) any {
	p := b.frame.Unproject(sketch.XY{X: args[0].Float(), Y: args[1].Float()})
	return []any{round6(p.Lon), round6(p.Lat)}
}

// check(pinJSON: string) → null, or {code, nl, en} saying why the server would refuse it.
func (b *bridge) check(args []js.Value) any {
	rules := pin.Rules{}
	if b.m != nil {
		rules.Bounds = b.m.Bounds
	}
	if _, pr := pin.Decode([]byte(args[0].String()), rules, zeroTime); pr != nil {
		var out map[string]any
		raw, _ := json.Marshal(pr)
		json.Unmarshal(raw, &out)
		return out
	}
	return nil
}

// zeroTime stamps pins checked in the browser; the server sets the real time.
var zeroTime time.Time

func round6(v float64) float64 { return math.Round(v*1e6) / 1e6 }
