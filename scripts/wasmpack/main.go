// Command wasmpack joins the data segments of Go-built wasm files in place
// (internal/wasmdata), as `buurtkaart build` does for the browser's:
// scripts/worker-build runs it on the Worker's app.wasm.
//
//	go run ./scripts/wasmpack build/worker/app.wasm
package main

import (
	"fmt"
	"os"

	"github.com/buurtkaart/buurtkaart/internal/wasmdata"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: wasmpack FILE.wasm…")
		os.Exit(2)
	}
	for _, name := range os.Args[1:] {
		if err := pack(name); err != nil {
			fmt.Fprintln(os.Stderr, "wasmpack:", err)
			os.Exit(1)
		}
	}
}

func pack(name string) error {
	built, err := os.ReadFile(name)
	if err != nil {
		return err
	}
	packed, err := wasmdata.Pack(built, wasmdata.Gap)
	if err != nil {
		return fmt.Errorf("%s: %v", name, err)
	}
	tmp := name + ".tmp"
	if err := os.WriteFile(tmp, packed, 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, name)
}
