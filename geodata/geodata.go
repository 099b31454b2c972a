// Package geodata holds the sample map, embedded, so tests anywhere in the
// module read the same bytes without walking up directories.
package geodata

import _ "embed"

// Schilderswijk is geodata/schilderswijk.geojson: the sample map (see README.md).
//
//go:embed schilderswijk.geojson
var Schilderswijk []byte
