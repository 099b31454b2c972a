//go:build js && wasm

package main

import (
	"context"
	"sync"

	"github.com/buurtkaart/buurtkaart/wasm/atlas"
	"github.com/buurtkaart/buurtkaart/wasm/boundary"
)

// mapBoundary is pins.Options.Within for the map the Worker serves: the
// hull of its streets, as serve uses (cmd/buurtkaart/boundary.go), made
// from the same map.geojson the page loads, once per isolate, at the first
// pin. If the map cannot be read, the bbox check alone decides.
func mapBoundary() func(lon, lat float64) bool {
	var once sync.Once
	var ix boundary.Index
	ok := false
	return func(lon, lat float64) bool {
		once.Do(func() {
			data, err := assetMap(context.Background())
			if err != nil {
				println("buurtkaart: no boundary:", err.Error())
				return
			}
			m, _ := atlas.Parse(data, nil)
			if m == nil {
				return
			}
			if b := boundary.OfMap(m); b != "" && ix.Add("kaart", b) == nil {
				ok = true
			}
		})
		if !ok {
			return true
		}
		in, _ := ix.Contains("kaart", lon, lat)
		return in
	}
}
