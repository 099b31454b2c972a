package main

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"sync"
	"time"
)

// pageSize (item 6): at 53,000 pins /api/pins answered 13.5 MB at once.
// An answer holds at most 1,000 pins and, when more follow, the cursor of
// the next page: asked for pages of 2, the server must answer 2 and a
// cursor that leads to 2 others.
func pageSize(t *target) result {
	first, err := t.page("/api/pins?limit=100000")
	if err != nil {
		return broken("%v", err)
	}
	if len(first.ids) > 1000 {
		return broken("one answer of %d pins, %d KB", len(first.ids), first.size>>10)
	}
	if len(first.ids) < 3 && first.next == "" {
		return na("only %d pins stored: too few to page", len(first.ids))
	}
	small, err := t.page("/api/pins?limit=2")
	if err != nil {
		return broken("%v", err)
	}
	if len(small.ids) > 2 || small.next == "" {
		return broken("no pages: ?limit=2 answered %d pins, cursor %q", len(small.ids), small.next)
	}
	more, err := t.page("/api/pins?limit=2&cursor=" + url.QueryEscape(small.next))
	if err != nil || len(more.ids) == 0 || slices.Contains(small.ids, more.ids[0]) {
		return broken("the cursor does not lead on: %v %v → %v", err, small.ids, more.ids)
	}
	return held("?limit=100000 answered %d pins (%d KB); pages of 2 follow their cursor", len(first.ids), first.size>>10)
}

// pinPage is one answer of GET /api/pins.
type pinPage struct {
	ids  []string
	next string
	size int
}

func (t *target) page(path string) (pinPage, error) {
	a, err := t.do("GET", path, "")
	if err != nil || a.status != 200 {
		return pinPage{}, fmt.Errorf("GET %s: %d %v %s", path, a.status, err, short(a.body))
	}
	var fc struct {
		Features []struct {
			ID string `json:"id"`
		} `json:"features"`
		Next string `json:"next"`
	}
	if err := json.Unmarshal(a.body, &fc); err != nil {
		return pinPage{}, fmt.Errorf("GET %s: %v", path, err)
	}
	p := pinPage{next: fc.Next, size: len(a.body)}
	for _, f := range fc.Features {
		p.ids = append(p.ids, f.ID)
	}
	return p, nil
}

// readBehindExports (item 6): in the Worker, 4 exports made a one-pin GET
// wait 6.6 s behind them (one queue for all requests). The replay times
// the read alone, then sent 20 ms after 16 exports (4 of each format, so
// that a few hundred pins make a queue long enough to see): a read that
// waited behind them takes over 250 ms and over half the slowest export.
func readBehindExports(t *target) result {
	id := newID()
	if a, err := t.post(t.resident(), id, t.pinBody(id, "Eén pin", "")); err != nil || a.status != http.StatusCreated {
		return broken("the pin to read was not stored: %d %v", a.status, err)
	}
	var alone []time.Duration
	for range 5 {
		start := time.Now()
		t.do("GET", "/api/pins/"+id, "")
		alone = append(alone, time.Since(start))
	}
	slices.Sort(alone)
	start := time.Now()
	var wg sync.WaitGroup
	var mu sync.Mutex
	var exports []time.Duration
	for i := range 16 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			t.do("GET", "/export."+[]string{"kml", "geojson", "csv", "gpx"}[i%4], "")
			mu.Lock()
			exports = append(exports, time.Since(start))
			mu.Unlock()
		}()
	}
	time.Sleep(20 * time.Millisecond)
	a, err := t.do("GET", "/api/pins/"+id, "")
	read := time.Since(start) - 20*time.Millisecond
	wg.Wait()
	slices.Sort(exports)
	slowest := exports[len(exports)-1]
	figures := fmt.Sprintf("one-pin GET %s alone, %s during 16 exports that took %s–%s", ms(alone[2]), ms(read), ms(exports[0]), ms(slowest))
	if err != nil || a.status != 200 {
		return broken("%s: %d %v", figures, a.status, err)
	}
	if read > 250*time.Millisecond && read > slowest/2 {
		return broken("%s: the read waited behind them", figures)
	}
	return held("%s", figures)
}
