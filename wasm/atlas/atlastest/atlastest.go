// Package atlastest gives tests the parsed sample map.
package atlastest

import (
	"testing"

	"github.com/buurtkaart/buurtkaart/geodata"
	"github.com/buurtkaart/buurtkaart/wasm/atlas"
)

// Sample parses the Schilderswijk sample map; a diagnostic error fails t.
func Sample(t testing.TB) *atlas.Map {
	t.Helper()
	m, diags := atlas.Parse(geodata.Schilderswijk, nil)
	if m == nil || atlas.HasErrors(diags) {
		t.Fatalf("sample: %v", diags)
	}
	return m
}
