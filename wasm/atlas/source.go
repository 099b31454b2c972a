package atlas

import (
	"hash/fnv"
	"strconv"
)

// Source names a map file's bytes (FNV-1a, 64 bits, in hex). The server
// writes it beside the drawing it renders from the file (wasm/page), and
// the browser's core says it of the file it loaded (wasm/jsbridge): when
// they agree, the page's drawing is the core's to the byte, and the core
// need not draw it again.
func Source(data []byte) string {
	h := fnv.New64a()
	h.Write(data)
	return strconv.FormatUint(h.Sum64(), 16)
}
