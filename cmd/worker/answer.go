//go:build js && wasm

package main

import (
	"bytes"
	"errors"
	"fmt"
	"net/http"
	"sync"
	"syscall/js"
)

// chunkSize is where an answer turns into a stream, and the size of its
// chunks: a one-pin answer stays whole, an export of many pins (26 MB of
// KML at 53,000) goes out in chunks of it. Under wrangler dev with four
// such exports running, a one-pin GET took a median 0.25 s with 64 KB
// chunks, 0.12 s with 32 KB and 0.06 s with 16 KB, while the exports took
// 20–27 s, 15–27 s and 19–37 s.
const chunkSize = 32 << 10

var errGone = errors.New("worker: the client went away")

// answer is a handler's response on its way to JS. It is kept whole while
// small, and handed over at the end as one Uint8Array. Once its body
// passes chunkSize (or the handler flushes), the status and headers go
// out with a ReadableStream and the body follows chunk by chunk, each as
// JS asks for the next. Then no export sits whole in the isolate's
// 128 MB, and while it waits for JS to take a chunk, Go is idle and the
// isolate serves other requests.
type answer struct {
	header http.Header
	status int
	wrote  bool
	body   bytes.Buffer
	hand   func(js.Value) // resolves binding.serve's promise with {status, headers, body}

	chunks chan []byte   // nil until the answer streams
	gone   chan struct{} // closed when JS cancels the stream
	err    error         // why the body broke off; set before chunks closes
}

func newAnswer(hand func(js.Value)) *answer {
	return &answer{header: http.Header{}, status: http.StatusOK, hand: hand}
}

func (a *answer) Header() http.Header { return a.header }

func (a *answer) WriteHeader(status int) {
	if !a.wrote {
		a.status, a.wrote = status, true
	}
}

func (a *answer) Write(p []byte) (int, error) {
	a.WriteHeader(http.StatusOK)
	a.body.Write(p)
	if a.body.Len() >= chunkSize {
		if err := a.flush(); err != nil {
			return 0, err
		}
	}
	return len(p), nil
}

// Flush sends what is written so far (http.Flusher).
func (a *answer) Flush() { a.flush() }

// flush starts the stream if it has not started, and sends the body
// written so far as one chunk, waiting until JS takes it.
func (a *answer) flush() error {
	a.WriteHeader(http.StatusOK)
	if a.chunks == nil {
		a.chunks, a.gone = make(chan []byte), make(chan struct{})
		a.hand(a.response(a.stream()))
	}
	if a.body.Len() == 0 {
		return nil
	}
	chunk := bytes.Clone(a.body.Bytes())
	a.body.Reset()
	select {
	case a.chunks <- chunk:
		return nil
	case <-a.gone:
		return errGone
	}
}

func (a *answer) streaming() bool { return a.chunks != nil }

// finish hands over the answer when the handler has returned: whole, or
// the stream's last chunk and its end. broken ends a stream in an error,
// so the client sees a failed download, not a short file.
func (a *answer) finish(broken error) {
	if !a.streaming() {
		body := js.Global().Get("Uint8Array").New(a.body.Len())
		js.CopyBytesToJS(body, a.body.Bytes())
		a.hand(a.response(body))
		return
	}
	if broken == nil {
		broken = a.flush()
	}
	a.err = broken
	close(a.chunks)
}

func (a *answer) response(body js.Value) js.Value {
	res := js.Global().Get("Object").New()
	res.Set("status", a.status)
	headers := js.Global().Get("Array").New()
	for k, vs := range a.header {
		for _, v := range vs {
			headers.Call("push", js.ValueOf([]any{k, v}))
		}
	}
	res.Set("headers", headers)
	res.Set("body", body)
	return res
}

// stream is the ReadableStream JS reads the chunks from: pull waits for
// the next chunk (or the end), cancel tells flush the client is gone.
func (a *answer) stream() js.Value {
	var pull, cancel js.Func
	var once sync.Once
	release := func() { once.Do(func() { pull.Release(); cancel.Release() }) }
	pull = js.FuncOf(func(_ js.Value, args []js.Value) any {
		controller := args[0]
		return promise(func(resolve, reject js.Value) {
			defer func() {
				// a panic here would end the Go program and every request in it
				if v := recover(); v != nil {
					release()
					reject.Invoke(js.Global().Get("Error").New(fmt.Sprint("worker: ", v)))
				}
			}()
			chunk, ok := <-a.chunks
			switch {
			case ok:
				u := js.Global().Get("Uint8Array").New(len(chunk))
				js.CopyBytesToJS(u, chunk)
				controller.Call("enqueue", u)
				// The next pull waits a turn of the event loop: workerd
				// otherwise pumps a stream that is always ready to the end
				// before it takes another request (a static file waited
				// 6.3 s behind one export under wrangler dev).
				js.Global().Get("setTimeout").Invoke(resolve, 0)
				return
			case a.err != nil:
				controller.Call("error", js.Global().Get("Error").New(a.err.Error()))
				release()
			default:
				controller.Call("close")
				release()
			}
			resolve.Invoke()
		})
	})
	cancel = js.FuncOf(func(js.Value, []js.Value) any {
		close(a.gone)
		release()
		return nil
	})
	src := js.Global().Get("Object").New()
	src.Set("pull", pull)
	src.Set("cancel", cancel)
	return js.Global().Get("ReadableStream").New(src)
}

// promise returns a JS Promise settled by fn, which runs on its own
// goroutine: a js.Func must not block (syscall/js).
func promise(fn func(resolve, reject js.Value)) js.Value {
	var executor js.Func
	executor = js.FuncOf(func(_ js.Value, p []js.Value) any {
		executor.Release()
		go fn(p[0], p[1])
		return nil
	})
	return js.Global().Get("Promise").New(executor)
}
