//go:build js && wasm

// Package jsbridge is what the browser's two wasm entries share (the map's,
// wasm/, and the poster page's, wasm/posterpage): one bridge object,
// globalThis.buurtkaart, whose methods never throw across the boundary,
// and the map file read the same way. Documented in web/buurtkaart.d.ts.
package jsbridge

import (
	"syscall/js"

	"github.com/buurtkaart/buurtkaart/wasm/atlas"
)

// Method wraps a bridge method: it recovers panics and reports them to JS
// as {error}.
func Method(f func(args []js.Value) any) js.Func {
	return js.FuncOf(func(this js.Value, args []js.Value) (result any) {
		defer func() {
			if r := recover(); r != nil {
				result = map[string]any{"error": "buurtkaart: " + panicText(r)}
			}
		}()
		return f(args)
	})
}

// panicText is what fmt.Sprint(r) says for the values a panic carries
// (runtime errors, errors, strings); the browser's wasm leaves fmt out.
func panicText(r any) string {
	switch v := r.(type) {
	case error:
		return v.Error()
	case string:
		return v
	case interface{ String() string }:
		return v.String()
	}
	return "panic"
}

// Serve sets globalThis.buurtkaart to api, tells the page it is ready
// (buurtkaartReady) and keeps the runtime alive for its callbacks.
func Serve(api map[string]any) {
	js.Global().Set("buurtkaart", js.ValueOf(api))
	if ready := js.Global().Get("buurtkaartReady"); ready.Type() == js.TypeFunction {
		ready.Invoke()
	}
	select {}
}

// Load reads a map file as load(geojson) answers it: the map (nil when it
// cannot be read) and {diagnostics, places, error?}.
func Load(geojson string) (*atlas.Map, map[string]any) {
	data := []byte(geojson)
	m, diags := atlas.Parse(data, nil)
	lines := make([]any, len(diags))
	for i, d := range diags {
		lines[i] = d.String()
	}
	if m == nil {
		return nil, map[string]any{"diagnostics": lines, "error": "map could not be read"}
	}
	return m, map[string]any{"diagnostics": lines, "places": len(m.Places), "source": atlas.Source(data)}
}
