package main

import (
	"container/list"
	"context"
	"errors"
	"sync"
	"time"
)

// posterGate lets n posters be made at once and up to queue more requests
// wait for a turn; beyond that, enter refuses at once.
type posterGate struct {
	turns   chan struct{} // one token per render under way
	present chan struct{} // one token per admitted request, rendering or waiting
}

func newPosterGate(n, queue int) *posterGate {
	return &posterGate{turns: make(chan struct{}, n), present: make(chan struct{}, n+queue)}
}

// enter waits at most wait for a turn. ok is false when the queue is full,
// the wait ran out or the client left; else leave ends the turn.
func (g *posterGate) enter(ctx context.Context, wait time.Duration) (leave func(), ok bool) {
	select {
	case g.present <- struct{}{}:
	default:
		return nil, false
	}
	t := time.NewTimer(wait)
	defer t.Stop()
	select {
	case g.turns <- struct{}{}:
		return func() { <-g.turns; <-g.present }, true
	case <-t.C:
	case <-ctx.Done():
	}
	<-g.present
	return nil, false
}

// posterResult is a made poster, or why there is none.
type posterResult struct {
	status int // 200; 400 or 500 (err says why); 503 (busy)
	body   []byte
	err    error
}

// posterCache keeps made posters by key, the least recently used leaving
// first beyond max bytes, and makes each key once at a time: requests for
// a poster under way wait for it rather than make it again (24 requests
// for the same A1 make one).
type posterCache struct {
	mu      sync.Mutex
	max     int
	size    int
	lru     *list.List // of *posterEntry, most recent first
	byKey   map[string]*list.Element
	flights map[string]*posterFlight
}

type posterEntry struct {
	key  string
	body []byte
}

type posterFlight struct {
	done chan struct{}
	res  posterResult
}

func newPosterCache(max int) *posterCache {
	return &posterCache{max: max, lru: list.New(), byKey: map[string]*list.Element{}, flights: map[string]*posterFlight{}}
}

// do returns the poster of key: kept, under way, or made now by build.
func (c *posterCache) do(ctx context.Context, key string, build func() posterResult) posterResult {
	c.mu.Lock()
	if e, ok := c.byKey[key]; ok {
		c.lru.MoveToFront(e)
		c.mu.Unlock()
		return posterResult{status: 200, body: e.Value.(*posterEntry).body}
	}
	if f, ok := c.flights[key]; ok {
		c.mu.Unlock()
		select {
		case <-f.done:
			return f.res
		case <-ctx.Done():
			return posterResult{status: 503}
		}
	}
	f := &posterFlight{done: make(chan struct{})}
	c.flights[key] = f
	c.mu.Unlock()

	// what those waiting get if build panics (net/http answers this
	// request's panic itself)
	f.res = posterResult{status: 500, err: errors.New("poster: failed")}
	defer func() {
		c.mu.Lock()
		delete(c.flights, key)
		if f.res.status == 200 {
			c.keep(key, f.res.body)
		}
		c.mu.Unlock()
		close(f.done)
	}()
	f.res = build()
	return f.res
}

// keep adds body under key and drops the least recent beyond max; a
// poster bigger than max is not kept.
func (c *posterCache) keep(key string, body []byte) {
	if len(body) > c.max {
		return
	}
	c.byKey[key] = c.lru.PushFront(&posterEntry{key, body})
	c.size += len(body)
	for c.size > c.max {
		old := c.lru.Remove(c.lru.Back()).(*posterEntry)
		delete(c.byKey, old.key)
		c.size -= len(old.body)
	}
}
