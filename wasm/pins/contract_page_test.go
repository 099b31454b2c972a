//go:build !js

package pins_test

import (
	"encoding/json"
	"net/url"
	"slices"
	"testing"
	"time"

	"github.com/buurtkaart/buurtkaart/wasm/pin"
)

// listPage is one answer of GET /api/pins.
type listPage struct {
	pins []pin.Pin
	next string
}

func getPage(t *testing.T, base, query string) listPage {
	t.Helper()
	r := do(t, "GET", base+"/api/pins"+query, "")
	if r.status != 200 {
		t.Fatalf("GET /api/pins%s: %d %s", query, r.status, r.body)
	}
	ps, err := pin.ParseCollection(r.body)
	var p struct{ Next string }
	if err == nil {
		err = json.Unmarshal(r.body, &p)
	}
	if err != nil {
		t.Fatal(err)
	}
	return listPage{ps, p.Next}
}

// listAll reads every page of GET /api/pins?query (query: "" or "?…").
func listAll(t *testing.T, base, query string) []pin.Pin {
	t.Helper()
	var all []pin.Pin
	for q := query; ; {
		p := getPage(t, base, q)
		all = append(all, p.pins...)
		if p.next == "" {
			return all
		}
		q = "?cursor=" + url.QueryEscape(p.next)
		if query != "" {
			q = query + "&cursor=" + url.QueryEscape(p.next)
		}
	}
}

// Item 6. At 53,000 pins GET /api/pins was one 13.5 MB answer. Now it
// answers at most 1,000 pins a page, oldest first, with a cursor to the
// next; following it yields every pin once.
func TestContractPages(t *testing.T) {
	base := target(t)
	var ours []string
	var since string
	for i := 0; i < 5; i++ {
		c := post(t, base, pinJSON(uuid(), `,"note":"bladzijde"`))
		ours = append(ours, c.ID)
		if i == 0 {
			at, _ := time.Parse(time.RFC3339, c.Created)
			since = "&since=" + at.Add(-time.Second).Format(time.RFC3339) // a second before ours: a few pages, however full the server
		}
	}
	var all []pin.Pin
	pages := 0
	for q := "?limit=2" + since; ; pages++ {
		p := getPage(t, base, q)
		if len(p.pins) > 2 {
			t.Fatalf("page %d has %d pins; asked for 2", pages, len(p.pins))
		}
		all = append(all, p.pins...)
		if p.next == "" {
			break
		}
		if len(p.pins) == 0 || pages > 2000 {
			t.Fatalf("page %d: %d pins and a next cursor", pages, len(p.pins))
		}
		q = "?limit=2" + since + "&cursor=" + url.QueryEscape(p.next)
	}
	seen := map[string]bool{}
	for i, p := range all {
		if seen[p.ID] {
			t.Fatalf("pin %s listed twice", p.ID)
		}
		seen[p.ID] = true
		if i > 0 && (p.Created < all[i-1].Created || p.Created == all[i-1].Created && p.ID < all[i-1].ID) {
			t.Fatalf("pages not oldest first at %d", i)
		}
	}
	for _, id := range ours {
		if !seen[id] {
			t.Fatalf("pin %s missing from the pages", id)
		}
	}
	if whole := getPage(t, base, "?limit=5000"+since); !slices.EqualFunc(whole.pins, all, func(a, b pin.Pin) bool { return a.ID == b.ID }) {
		t.Fatalf("following the cursor gave %d pins, one page %d", len(all), len(whole.pins))
	}
	if whole := getPage(t, base, "?limit=5000"); len(whole.pins) > 1000 || (len(whole.pins) < 1000 && whole.next != "") {
		t.Fatalf("limit=5000: %d pins, next %q; want at most 1,000 a page", len(whole.pins), whole.next)
	}
	t.Logf("%d pins in %d pages of 2", len(all), pages+1)
	expectProblem(t, do(t, "GET", base+"/api/pins?limit=0", ""), 400, "invalid_limit")
	expectProblem(t, do(t, "GET", base+"/api/pins?cursor=bm9wZQ", ""), 400, "invalid_cursor")
}
