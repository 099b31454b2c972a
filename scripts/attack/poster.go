package main

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// posterCost (item 1): /poster.pdf had no limit: 24 parallel A1 PNGs took
// the process to 3.9 GB. The replay sends 24 at once, each with its own
// title so no cache can answer them all, and samples serve's RSS (with
// -pid); past 1 GB it stops and calls it broken. Every answer must be a
// poster or a 503 with Retry-After, the server must live, and a poster
// asked again must come from the cache (≤ 1 s).
func posterCost(t *target) result {
	const limit = 1 << 30
	const path = "/poster.pdf?size=A1&format=png&title=Aanval+"
	if t.worker {
		return na("this server makes no posters (the Worker: the browser prints them)")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Second)
	defer cancel()
	var peak atomic.Int64
	var over atomic.Bool
	sampled := make(chan struct{})
	go func() {
		defer close(sampled)
		for ctx.Err() == nil {
			if rss := t.rss(); rss > 0 {
				if rss > peak.Load() {
					peak.Store(rss)
				}
				if rss > limit {
					over.Store(true)
					cancel()
				}
			}
			time.Sleep(100 * time.Millisecond)
		}
	}()
	var mu sync.Mutex
	answers, crashes, made := map[string]int{}, []string{}, ""
	var wg sync.WaitGroup
	for i := range 24 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			req, _ := http.NewRequestWithContext(ctx, "GET", t.base+path+strconv.Itoa(i), nil)
			res, err := (&http.Client{Transport: t.transport}).Do(req)
			mu.Lock()
			defer mu.Unlock()
			if err != nil {
				if ctx.Err() == nil {
					crashes = append(crashes, err.Error())
				}
				return
			}
			n, rerr := io.Copy(io.Discard, res.Body)
			res.Body.Close()
			switch {
			case rerr != nil && ctx.Err() == nil:
				crashes = append(crashes, rerr.Error())
			case res.StatusCode == 200 && n > 0:
				answers["200"]++
				made = path + strconv.Itoa(i)
			case res.StatusCode == 503 && res.Header.Get("Retry-After") != "":
				answers["503 Retry-After"]++
			default:
				answers[strconv.Itoa(res.StatusCode)]++
			}
		}()
	}
	wg.Wait()
	took := ctx.Err()
	cancel()
	<-sampled
	rss := "n/a (pass -pid)"
	if peak.Load() > 0 {
		rss = fmt.Sprintf("%d MB", peak.Load()>>20)
	}
	figures := fmt.Sprintf("peak RSS %s, answers %v, crashes %d", rss, answers, len(crashes))
	if over.Load() {
		return broken("%s: over 1 GB, stopped", figures)
	}
	if took != nil {
		return broken("%s: not done in 100 s", figures)
	}
	if a, err := t.do("GET", "/", ""); err != nil || a.status != 200 || (t.pid > 0 && !alive(t.pid)) {
		return broken("%s: the server is gone (%v)", figures, err)
	}
	if len(crashes) > 0 {
		return broken("%s: %s", figures, crashes[0])
	}
	for k := range answers {
		if k != "200" && k != "503 Retry-After" || answers["200"] == 0 {
			return broken("%s: want posters, and 503s with Retry-After", figures)
		}
	}
	start := time.Now()
	a, err := t.do("GET", made, "")
	again := time.Since(start)
	figures += fmt.Sprintf(", repeat %d in %s", a.status, ms(again))
	if err != nil || a.status != 200 || again > time.Second {
		return broken("%s: the same poster again is not cached", figures)
	}
	return held("%s", figures)
}

// rss is serve's resident memory in bytes, 0 if unknown.
func (t *target) rss() int64 {
	if t.pid <= 0 {
		return 0
	}
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", t.pid))
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if f := strings.Fields(line); len(f) >= 2 && f[0] == "VmRSS:" {
			kb, _ := strconv.ParseInt(f[1], 10, 64)
			return kb << 10
		}
	}
	return 0
}

func alive(pid int) bool { _, err := os.Stat(fmt.Sprintf("/proc/%d", pid)); return err == nil }
