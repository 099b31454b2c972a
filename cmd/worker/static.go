//go:build js && wasm

package main

import "net/http"

// assetHeader names, in the Worker's answer to worker.mjs, the static
// asset to answer with instead: the shared site's file at that path. Go
// decides what is a map's and what is the site's (wasm/host, the same
// routes as serve); the bytes of a 4 MB wasm never pass through Go.
const assetHeader = "X-Buurtkaart-Asset"

// assets is host.Deployment.Static at the edge.
type assets struct{}

func (assets) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	w.Header().Set(assetHeader, r.URL.Path)
	w.WriteHeader(http.StatusOK)
}
