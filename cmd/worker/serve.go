//go:build js && wasm

package main

import (
	"bytes"
	"context"
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
// to binding.serve, one at a time, so one request's I/O never runs inside
// another's.
//
// binding.serve(method, url, headers [[k, v]…], body Uint8Array) returns a
// Promise of {status, headers [[k, v]…], body Uint8Array}.
func serve(h http.Handler) {
	binding := js.Global().Get("context").Get("binding")
	promise := js.Global().Get("Promise")
	binding.Set("serve", js.FuncOf(func(_ js.Value, args []js.Value) any {
		req, err := toRequest(args)
		var executor js.Func
		executor = js.FuncOf(func(_ js.Value, p []js.Value) any {
			executor.Release()
			resolve, reject := p[0], p[1]
			if err != nil {
				reject.Invoke(js.Global().Get("Error").New(err.Error()))
				return nil
			}
			go func() {
				w := &recorder{header: http.Header{}, status: http.StatusOK}
				defer func() {
					// A panic answers this request with a 500 and keeps the
					// instance (and every other request) alive.
					if v := recover(); v != nil {
						w = &recorder{header: http.Header{"Content-Type": {"application/json; charset=utf-8"}}, status: http.StatusInternalServerError}
						w.Write([]byte(`{"error":{"code":"internal","nl":"Er ging iets mis op de kaartserver.","en":"Something went wrong on the map server."}}`))
					}
					resolve.Invoke(w.toJS())
				}()
				h.ServeHTTP(w, req)
			}()
			return nil
		})
		return promise.New(executor)
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

// recorder keeps a handler's answer whole: pins answers are small JSON.
type recorder struct {
	header http.Header
	status int
	wrote  bool
	body   bytes.Buffer
}

func (r *recorder) Header() http.Header { return r.header }

func (r *recorder) WriteHeader(status int) {
	if !r.wrote {
		r.status, r.wrote = status, true
	}
}

func (r *recorder) Write(p []byte) (int, error) {
	r.WriteHeader(http.StatusOK)
	return r.body.Write(p)
}

func (r *recorder) toJS() js.Value {
	res := js.Global().Get("Object").New()
	res.Set("status", r.status)
	headers := js.Global().Get("Array").New()
	for k, vs := range r.header {
		for _, v := range vs {
			headers.Call("push", js.ValueOf([]any{k, v}))
		}
	}
	res.Set("headers", headers)
	body := js.Global().Get("Uint8Array").New(r.body.Len())
	js.CopyBytesToJS(body, r.body.Bytes())
	res.Set("body", body)
	return res
}
