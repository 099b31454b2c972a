package download

import (
	"context"
	"encoding/json"
	"fmt"
	"iter"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"

	"github.com/buurtkaart/buurtkaart/wasm/pin"
)

// Pins yields the visible pins, oldest first, read through the pins API
// (GET /api/pins on api) a page of perPage at a time (0: the API's most,
// 1,000), so hidden pins and names given without consent cannot slip into
// a download or poster. One page is held at a time, and a consumer that
// stops early (a poster wants a few hundred) reads no further page.
func Pins(ctx context.Context, api http.Handler, perPage int) iter.Seq2[pin.Pin, error] {
	return func(yield func(pin.Pin, error) bool) {
		pages := &pinPages{ctx: ctx, api: api, limit: perPage}
		for pages.more() {
			ps, err := pages.next()
			if err != nil {
				yield(pin.Pin{}, err)
				return
			}
			for _, p := range ps {
				if !yield(p, nil) {
					return
				}
			}
		}
	}
}

// pinPages follows GET /api/pins from page to page by its cursor ("next").
type pinPages struct {
	ctx    context.Context
	api    http.Handler
	limit  int // pins a page; 0 for the API's default
	cursor string
	done   bool
}

func (pp *pinPages) more() bool { return !pp.done }

// next reads the next page.
func (pp *pinPages) next() ([]pin.Pin, error) {
	q := url.Values{}
	if pp.limit > 0 {
		q.Set("limit", strconv.Itoa(pp.limit))
	}
	if pp.cursor != "" {
		q.Set("cursor", pp.cursor)
	}
	target := "/api/pins"
	if len(q) > 0 {
		target += "?" + q.Encode()
	}
	rec := httptest.NewRecorder()
	pp.api.ServeHTTP(rec, httptest.NewRequestWithContext(pp.ctx, http.MethodGet, target, nil))
	if rec.Code != http.StatusOK {
		pp.done = true
		return nil, fmt.Errorf("download: GET %s: %d", target, rec.Code)
	}
	var page struct {
		Next string `json:"next"` // the features are ParseCollection's
	}
	ps, err := pin.ParseCollection(rec.Body.Bytes())
	if err == nil {
		err = json.Unmarshal(rec.Body.Bytes(), &page)
	}
	if err != nil {
		pp.done = true
		return nil, fmt.Errorf("download: GET %s: %w", target, err)
	}
	pp.done = page.Next == "" || page.Next == pp.cursor
	pp.cursor = page.Next
	return ps, nil
}
