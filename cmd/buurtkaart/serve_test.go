package main

import (
	"bufio"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"
)

// startServer runs h behind newServer(l) on a loopback port and returns
// its address.
func startServer(t *testing.T, h http.Handler, l serverLimits) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := newServer(h, l)
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
	return ln.Addr().String()
}

// readsBody is a handler like the pins API's POST: it reads the whole body.
var readsBody = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
	io.Copy(io.Discard, r.Body)
	io.WriteString(w, "ok")
})

// TestServerDefaults: serve's server has every timeout and bound set (the
// review found only ReadHeaderTimeout), with values a resident never meets.
func TestServerDefaults(t *testing.T) {
	s := newServer(readsBody, serverLimits{})
	for _, tc := range []struct {
		name     string
		got      time.Duration
		min, max time.Duration
	}{
		{"ReadHeaderTimeout", s.ReadHeaderTimeout, time.Second, 10 * time.Second},
		{"ReadTimeout", s.ReadTimeout, 5 * time.Second, 30 * time.Second},
		{"WriteTimeout", s.WriteTimeout, 30 * time.Second, 5 * time.Minute},
		{"IdleTimeout", s.IdleTimeout, 10 * time.Second, 5 * time.Minute},
	} {
		if tc.got < tc.min || tc.got > tc.max {
			t.Errorf("%s = %v, want %v…%v", tc.name, tc.got, tc.min, tc.max)
		}
	}
	if s.MaxHeaderBytes < 8<<10 || s.MaxHeaderBytes > 64<<10 {
		t.Errorf("MaxHeaderBytes = %d, want 8…64 KiB", s.MaxHeaderBytes)
	}
	// Above the 1,000 connections of the slow-body attack, below what a
	// process may open.
	if s.maxConns < 2000 || s.maxConns > 16000 {
		t.Errorf("connection cap %d, want 2,000…16,000", s.maxConns)
	}
}

// TestServerCutsSlowBodies: clients trickling a body are cut off at the
// read timeout, and a normal GET is answered at once meanwhile (the review
// held 300 trickling POSTs for 42 s; 1,050 made a GET time out).
func TestServerCutsSlowBodies(t *testing.T) {
	const read = 300 * time.Millisecond
	addr := startServer(t, readsBody, serverLimits{Read: read})
	const n = 50
	cut := make(chan time.Duration, n)
	for range n {
		c, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		go func() {
			start := time.Now()
			fmt.Fprintf(c, "POST /api/pins HTTP/1.1\r\nHost: kaart.test\r\nContent-Type: application/json\r\nContent-Length: 16000\r\n\r\n")
			go func() { // a byte every 50 ms: 16 KB would take 13 minutes
				for c.SetWriteDeadline(time.Now().Add(time.Second)) == nil {
					if _, err := c.Write([]byte{'{'}); err != nil {
						return
					}
					time.Sleep(50 * time.Millisecond)
				}
			}()
			c.SetReadDeadline(time.Now().Add(5 * time.Second))
			io.Copy(io.Discard, c) // until the server closes the connection
			cut <- time.Since(start)
		}()
	}
	time.Sleep(read / 2)
	start := time.Now()
	res, err := (&http.Client{Timeout: 5 * time.Second}).Get("http://" + addr + "/")
	if err != nil {
		t.Fatalf("GET during the slow bodies: %v", err)
	}
	res.Body.Close()
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("GET during %d slow bodies took %v", n, d)
	}
	for range n {
		if d := <-cut; d > read+2*time.Second {
			t.Fatalf("a trickling POST was held %v; the read timeout is %v", d, read)
		}
	}
}

// TestServerHeaderBytes: a request with more header than MaxHeaderBytes
// is refused with 431 before any handler runs.
func TestServerHeaderBytes(t *testing.T) {
	addr := startServer(t, readsBody, serverLimits{})
	req, _ := http.NewRequest("GET", "http://"+addr+"/", nil)
	req.Header.Set("X-Padding", strings.Repeat("a", 100<<10))
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusRequestHeaderFieldsTooLarge {
		t.Errorf("100 KiB of header: %d, want 431", res.StatusCode)
	}
}

// TestServerConnectionCap: past the cap a new connection waits until one
// closes; the idle timeout closes a silent one, so the wait ends.
func TestServerConnectionCap(t *testing.T) {
	addr := startServer(t, readsBody, serverLimits{Conns: 2, ReadHeader: 400 * time.Millisecond})
	for range 2 { // two connections that never send a request
		c, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
	}
	time.Sleep(50 * time.Millisecond) // let the server accept both
	c, err := net.Dial("tcp", addr)   // the kernel queues it
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	start := time.Now()
	fmt.Fprintf(c, "GET / HTTP/1.1\r\nHost: kaart.test\r\n\r\n")
	c.SetReadDeadline(time.Now().Add(5 * time.Second))
	line, err := bufio.NewReader(c).ReadString('\n')
	waited := time.Since(start)
	if err != nil || !strings.Contains(line, "200") {
		t.Fatalf("third connection: %q, %v", line, err)
	}
	// Answered only once the header timeout closed a silent connection.
	if waited < 200*time.Millisecond {
		t.Errorf("third connection answered after %v: the cap of 2 did not hold it", waited)
	}
}
