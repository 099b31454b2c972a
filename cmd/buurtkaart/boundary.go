package main

import (
	"github.com/buurtkaart/buurtkaart/wasm/atlas"
	"github.com/buurtkaart/buurtkaart/wasm/boundary"
)

// within is the check pins.Options.Within makes for m: inside its buurt, the
// hull of its streets (wasm/boundary); nil when the map draws too little to
// have one (the bbox check alone then decides).
func within(m *atlas.Map) (func(lon, lat float64) bool, error) {
	b := boundary.OfMap(m)
	if b == "" {
		return nil, nil
	}
	var ix boundary.Index
	if err := ix.Add("kaart", b); err != nil {
		return nil, err
	}
	return func(lon, lat float64) bool {
		in, _ := ix.Contains("kaart", lon, lat)
		return in
	}, nil
}

// boundaryOf is the boundary a map is stored with: the hull of its streets.
func boundaryOf(m *atlas.Map) string { return boundary.OfMap(m) }
