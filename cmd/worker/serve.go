//go:build js && wasm

package main

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"syscall/js"

	"github.com/syumai/workers"
)

// serve runs h for every request in one long-lived Go instance.
//
// syumai/workers' own glue starts a fresh Go runtime for each request (and
// its Serve ends the program after the first response), so every pin POST
// paid the Go start-up of a 7 MB wasm: ~36 ms wall per request under
// wrangler dev, against the free plan's 10 ms of CPU. Here the instance
// stays: cmd/worker/worker.mjs (copied over the generated glue by
// scripts/worker-build) starts it once per isolate and hands each request
// to binding.serve: reads at once, side by side, writes one at a time
// (worker.mjs says why). Each request runs on its own goroutine; one
// waiting on D1, or on JS to take the next chunk of an export (answer.go),
// leaves the isolate to the others.
//
// binding.serve(method, url, headers [[k, v]…], body Uint8Array) returns a
// Promise of {status, headers [[k, v]…], body Uint8Array | ReadableStream}.
func serve(h http.Handler) {
	binding := js.Global().Get("context").Get("binding")
	binding.Set("serve", js.FuncOf(func(_ js.Value, args []js.Value) any {
		req, err := toRequest(args)
		return promise(func(resolve, reject js.Value) {
			if err != nil {
				reject.Invoke(js.Global().Get("Error").New(err.Error()))
				return
			}
			w := newAnswer(func(res js.Value) { resolve.Invoke(res) })
			defer func() {
				v := recover()
				switch {
				case v == nil:
					w.finish(nil)
				case w.streaming():
					// the status is out: break the body off (an export whose
					// pins failed mid-way panics with http.ErrAbortHandler)
					w.finish(fmt.Errorf("worker: %v", v))
				default:
					// A panic answers this request with a 500 and keeps the
					// instance (and every other request) alive.
					w = newAnswer(w.hand)
					w.header.Set("Content-Type", "application/json; charset=utf-8")
					w.WriteHeader(http.StatusInternalServerError)
					w.Write([]byte(`{"error":{"code":"internal","nl":"Er ging iets mis op de kaartserver.","en":"Something went wrong on the map server."}}`))
					w.finish(nil)
				}
			}()
			h.ServeHTTP(w, req)
		})
	}))
	workers.Ready()
	select {} // the instance lives as long as the isolate
}

func toRequest(args []js.Value) (*http.Request, error) {
	if len(args) != 4 {
		return nil, errArgs(len(args))
	}
	u, err := url.Parse(args[1].String())
	if err != nil {
		return nil, err
	}
	header := http.Header{}
	for i, n := 0, args[2].Length(); i < n; i++ {
		kv := args[2].Index(i)
		header.Add(kv.Index(0).String(), kv.Index(1).String())
	}
	body := make([]byte, args[3].Length())
	js.CopyBytesToGo(body, args[3])
	req, err := http.NewRequestWithContext(context.Background(), args[0].String(), u.String(), bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	req.Header = header
	req.Host = u.Host
	req.RemoteAddr = header.Get("Cf-Connecting-Ip")
	return req, nil
}

type errArgs int

func (e errArgs) Error() string {
	return "binding.serve: want 4 arguments, got " + strconv.Itoa(int(e))
}
