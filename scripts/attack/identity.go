package main

import (
	"bytes"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// streetParty (item 3, the other side): 100 phones behind one address, 3
// pins each, must all get in, however device ids are made hard to mint.
func streetParty(t *target) result {
	const phones, each = 100, 3
	var mu sync.Mutex
	stored, refusals := 0, map[string]int{}
	var retried atomic.Int32
	var wg sync.WaitGroup
	sem := make(chan struct{}, 8)
	for range phones {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			p := newPhone()
			t.mu.Lock()
			t.residents = append(t.residents, p)
			t.mu.Unlock()
			for i := range each {
				id := newID()
				body := t.pinBody(id, fmt.Sprintf("Straatfeest %d", i+1), "")
				// As a phone's outbox does: a 503 (the host restarting, a
				// busy store) is sent again, with the same id, so never twice.
				a, err := t.post(p, id, body)
				for try := 0; try < 3 && err == nil && a.status == http.StatusServiceUnavailable; try++ {
					retried.Add(1)
					time.Sleep(time.Second)
					a, err = t.post(p, id, body)
				}
				mu.Lock()
				switch {
				case err != nil:
					refusals[err.Error()]++
				case a.status == http.StatusCreated:
					stored++
				default:
					refusals[fmt.Sprintf("%d %s", a.status, short(a.body))]++
				}
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	if stored < phones*each {
		return broken("%d of %d pins stored; refused: %v", stored, phones*each, refusals)
	}
	return held("%d of %d pins from %d devices behind one address stored (%d sent again after a 503, as the outbox does)", stored, phones*each, phones, retried.Load())
}

// mintedDevices (item 3): after the 429, 65 of 65 POSTs with a freshly
// made-up X-Buurtkaart-Device were stored. The replay spends one made-up
// device's budget, then mints fresh ids until the network's allowance for
// new devices answers 429 (at most 200), then sends 65 more: none of
// those may be stored.
func mintedDevices(t *target) result {
	one := newPhone()
	first, firstLimit := 0, false
	for range 70 {
		id := newID()
		a, err := t.post(one, id, t.pinBody(id, "Eén toestel", ""))
		if err != nil {
			return broken("POST: %v", err)
		}
		if a.status == http.StatusTooManyRequests {
			firstLimit = true
			break
		}
		if a.status == http.StatusCreated {
			first++
		}
	}
	allowance, limited := 0, false
	for range 200 {
		id := newID()
		a, err := t.post(newPhone(), id, t.pinBody(id, "Verzonnen toestel", ""))
		if err != nil {
			return broken("POST: %v", err)
		}
		if a.status == http.StatusTooManyRequests {
			limited = a.header.Get("Retry-After") != ""
			break
		}
		if a.status == http.StatusCreated {
			allowance++
		}
	}
	beyond := 0
	for range 65 {
		id := newID()
		a, err := t.post(newPhone(), id, t.pinBody(id, "Verzonnen toestel", ""))
		if err == nil && a.status == http.StatusCreated {
			beyond++
		}
	}
	then := "no 429"
	if firstLimit {
		then = "429"
	}
	figures := fmt.Sprintf("one made-up device: %d stored, then %s; fresh made-up ids: %d stored", first, then, allowance)
	switch {
	case !limited:
		return broken("%s, no 429; then %d of 65 more stored", figures, beyond)
	case beyond > 0:
		return broken("%s before a 429; then %d of 65 more stored", figures, beyond)
	}
	return held("%s before a 429 (the network's allowance of new devices); then 0 of 65 more stored", figures)
}

// authorOracle (item 2): replaying a visible pin's public fields with a
// guessed author answered 409 when wrong and 201 when right, the 201
// echoed the hidden author, and replays skipped the rate limit.
func authorOracle(t *target) result {
	owner, secret := t.resident(), "Geheim "+randHex(3)
	id := newID()
	body := t.pinBody(id, "Bankje bij de speeltuin", "")
	withAuthor := func(author string) string {
		return strings.TrimSuffix(body, "}") + fmt.Sprintf(`,"author":%q,"show_author":false}`, author)
	}
	a, err := t.post(owner, id, withAuthor(secret))
	if err != nil || a.status != http.StatusCreated {
		return broken("the pin to replay was not stored: %d %v %s", a.status, err, short(a.body))
	}
	guesser := t.resident()
	right, err1 := t.post(guesser, id, withAuthor(secret))
	wrong, err2 := t.post(guesser, id, withAuthor("Fout 0"))
	if err1 != nil || err2 != nil {
		return broken("replay: %v %v", err1, err2)
	}
	var leaks []string
	if right.status != wrong.status {
		leaks = append(leaks, fmt.Sprintf("right guess %d, wrong guess %d", right.status, wrong.status))
	} else if !bytes.Equal(right.body, wrong.body) {
		leaks = append(leaks, fmt.Sprintf("right and wrong guesses answer differently (%q vs %q)", short(right.body), short(wrong.body)))
	}
	if bytes.Contains(right.body, []byte(secret)) {
		leaks = append(leaks, "the answer echoes the hidden author")
	}
	guesses, limited := 2, false
	for guesses < 300 && !limited {
		guesses++
		a, err := t.post(guesser, id, withAuthor(fmt.Sprintf("Fout %d", guesses)))
		limited = err == nil && a.status == http.StatusTooManyRequests
	}
	if !limited {
		leaks = append(leaks, fmt.Sprintf("%d guesses, no 429", guesses))
	}
	if len(leaks) > 0 {
		return broken("%s", strings.Join(leaks, "; "))
	}
	return held("right and wrong guesses both %d, identical, author not echoed; 429 after %d guesses", right.status, guesses)
}

// tokenGuessing (item 12): 300 wrong moderator tokens got 300 × 401 and
// never a 429.
func tokenGuessing(t *target) result {
	for i := 1; i <= 300; i++ {
		a, err := t.do("GET", "/api/moderation/queue", "", "Authorization: Bearer "+randHex(24))
		if err != nil {
			return broken("guess %d: %v", i, err)
		}
		switch {
		case a.status == http.StatusTooManyRequests:
			return held("429 after %d wrong tokens (Retry-After %q)", i, a.header.Get("Retry-After"))
		case i == 1 && a.status == http.StatusForbidden && bytes.Contains(a.body, []byte("moderation_off")):
			return na("moderation is off on this server (no BUURTKAART_MODERATOR_TOKEN)")
		case a.status != http.StatusUnauthorized && a.status != http.StatusForbidden:
			return broken("guess %d: %d %s", i, a.status, short(a.body))
		}
	}
	return broken("300 wrong tokens, 300 refusals, no 429")
}
