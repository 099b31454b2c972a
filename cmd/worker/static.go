//go:build js && wasm

package main

import (
	"net/http"

	"github.com/buurtkaart/buurtkaart/wasm/host"
)

// assetHeader names, in the Worker's answer to worker.mjs, the static
// asset to answer with instead: the shared site's file at that path. Go
// decides what is a map's and what is the site's (wasm/host, the same
// routes as serve); the bytes of a 4 MB wasm never pass through Go.
const assetHeader = "X-Buurtkaart-Asset"

// brotliHeader says, beside assetHeader, that the client takes br
// (host.TakesBrotli, as serve reads it): worker.mjs then answers with the
// build's brotli copy of the file when it has one. worker.mjs hands Go the
// client's own Accept-Encoding (request.cf.clientAcceptEncoding).
const brotliHeader = "X-Buurtkaart-Brotli"

// assets is host.Deployment.Static at the edge.
type assets struct{}

func (assets) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	w.Header().Set(assetHeader, r.URL.Path)
	if (r.Method == http.MethodGet || r.Method == http.MethodHead) && r.Header.Get("Range") == "" && host.TakesBrotli(r.Header.Get("Accept-Encoding")) {
		w.Header().Set(brotliHeader, "1")
	}
	w.WriteHeader(http.StatusOK)
}
