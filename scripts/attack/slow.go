package main

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"slices"
	"sync"
	"sync/atomic"
	"time"
)

// slowBodies (item 4): without a read timeout 300 trickling POSTs were
// held 42 s, and 1,050 of them made a normal GET time out. For t.slow,
// 1,000 connections each send a pin POST's headers and then one byte of
// its 16,000-byte body a second, reconnecting when the server cuts them,
// while a GET / on a new connection every 100 ms is timed.
func slowBodies(t *target) result {
	const conns = 1000
	u, _ := url.Parse(t.base)
	ctx, stop := context.WithTimeout(context.Background(), t.slow)
	defer stop()
	dialer := t.dialer(2 * time.Second)
	var cut, survived, failedDials atomic.Int64
	var mu sync.Mutex
	var kept []time.Duration // how long the server kept a trickle before cutting it
	var wg sync.WaitGroup
	for range conns {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for first := true; ctx.Err() == nil; first = false {
				d, ok := trickle(ctx, dialer, u.Host)
				switch {
				case !ok:
					failedDials.Add(1)
					time.Sleep(100 * time.Millisecond)
				case ctx.Err() != nil:
					if first {
						survived.Add(1)
					}
				default: // the server ended it
					cut.Add(1)
					mu.Lock()
					kept = append(kept, d)
					mu.Unlock()
				}
			}
		}()
	}
	time.Sleep(time.Second) // let the connections open
	probe := &http.Client{Timeout: 5 * time.Second, Transport: &http.Transport{DisableKeepAlives: true}}
	var lat []time.Duration
	failed := 0
	for ctx.Err() == nil {
		start := time.Now()
		res, err := probe.Get(t.base + "/")
		if err == nil {
			io.Copy(io.Discard, res.Body)
			res.Body.Close()
		}
		if err != nil || res.StatusCode != 200 {
			failed++
			lat = append(lat, 5*time.Second)
		} else {
			lat = append(lat, time.Since(start))
		}
		time.Sleep(100 * time.Millisecond)
	}
	wg.Wait()
	slices.Sort(lat)
	slices.Sort(kept)
	p99 := percentile(lat, 99)
	figures := fmt.Sprintf("GET p99 %s, p50 %s over %d GETs (%d failed) during %d trickling connections for %.0f s; server cut %d trickles",
		ms(p99), ms(percentile(lat, 50)), len(lat), failed, conns, t.slow.Seconds(), cut.Load())
	if len(kept) > 0 {
		figures += fmt.Sprintf(" after %.1f–%.1f s", kept[0].Seconds(), kept[len(kept)-1].Seconds())
	}
	if n := failedDials.Load(); n > 0 {
		figures += fmt.Sprintf(", %d connects refused", n)
	}
	switch {
	case p99 > time.Second:
		return broken("%s", figures)
	case survived.Load() > 0 && t.worker:
		// Connections are Cloudflare's (locally wrangler dev's), not the
		// Worker's: it cannot time them out. What it must do holds.
		return held("%s; %d held to the end by the host", figures, survived.Load())
	case survived.Load() > 0:
		return broken("%s: %d trickling bodies held to the end", figures, survived.Load())
	}
	return held("%s", figures)
}

// trickle opens one connection, sends a POST's headers and a byte of body
// a second until the server closes it or ctx ends; it reports how long the
// connection lasted and whether it opened at all.
func trickle(ctx context.Context, d *net.Dialer, host string) (time.Duration, bool) {
	c, err := d.DialContext(ctx, "tcp", host)
	if err != nil {
		return 0, false
	}
	defer c.Close()
	start := time.Now()
	fmt.Fprintf(c, "POST /api/pins HTTP/1.1\r\nHost: %s\r\nContent-Type: application/json\r\nContent-Length: 16000\r\n\r\n{", host)
	closed := make(chan struct{})
	go func() { // the server's answer, or its close, ends the trickle
		io.Copy(io.Discard, c)
		close(closed)
	}()
	tick := time.NewTicker(time.Second)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return time.Since(start), true
		case <-closed:
			return time.Since(start), true
		case <-tick.C:
			c.SetWriteDeadline(time.Now().Add(time.Second))
			if _, err := c.Write([]byte(" ")); err != nil {
				<-closed
				return time.Since(start), true
			}
		}
	}
}
