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
	var within func(lon, lat float64) bool
	return func(lon, lat float64) bool {
		once.Do(func() {
			data, err := assetMap(context.Background())
			if err != nil {
				println("buurtkaart: no boundary:", err.Error())
				return
			}
			if m, _ := atlas.Parse(data, nil); m != nil {
				within = boundary.WithinMap(m)
			}
		})
		return within == nil || within(lon, lat)
	}
}
