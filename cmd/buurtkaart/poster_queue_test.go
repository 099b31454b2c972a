package main

import (
	"context"
	"testing"
	"time"
)

// TestPosterGate: one render at a time and one waiting: a third is refused
// at once, the waiting one gives up after its wait or gets the turn.
func TestPosterGate(t *testing.T) {
	g := newPosterGate(1, 1)
	ctx := context.Background()
	leave, ok := g.enter(ctx, time.Second)
	if !ok {
		t.Fatal("the first was refused")
	}
	waited := make(chan bool)
	go func() { _, ok := g.enter(ctx, 50*time.Millisecond); waited <- ok }()
	for len(g.present) < 2 { // the second is in the queue
		time.Sleep(time.Millisecond)
	}
	start := time.Now()
	if _, ok := g.enter(ctx, time.Second); ok || time.Since(start) > 500*time.Millisecond {
		t.Error("a third with the queue full was not refused at once")
	}
	if <-waited {
		t.Error("the second got a turn while the first still had it")
	}
	go func() {
		if l, ok := g.enter(ctx, 10*time.Second); ok {
			l()
			waited <- true
		} else {
			waited <- false
		}
	}()
	for len(g.present) < 2 {
		time.Sleep(time.Millisecond)
	}
	leave()
	if !<-waited {
		t.Error("the second got no turn after the first left")
	}
}

// TestPosterCacheKeepsWithinBytes: the least recently used poster leaves
// first, and one bigger than the cache is not kept.
func TestPosterCacheKeepsWithinBytes(t *testing.T) {
	c := newPosterCache(10)
	made := 0
	get := func(key string, size int) {
		c.do(context.Background(), key, func() posterResult {
			made++
			return posterResult{status: 200, body: make([]byte, size)}
		})
	}
	for _, step := range []struct {
		key       string
		size      int
		wantMade  int
		wantBytes int
	}{
		{"a", 4, 1, 4}, {"b", 4, 2, 8}, {"a", 4, 2, 8}, // a is kept, and now the most recent
		{"c", 4, 3, 8},                 // b leaves
		{"a", 4, 3, 8}, {"b", 4, 4, 8}, // b is made again
		{"huge", 11, 5, 8}, {"huge", 11, 6, 8}, // never kept
	} {
		get(step.key, step.size)
		if made != step.wantMade || c.size != step.wantBytes {
			t.Fatalf("after %s: made %d, %d bytes kept; want %d, %d", step.key, made, c.size, step.wantMade, step.wantBytes)
		}
	}
}
