// Command loadpins is a bounded load test of the pins API on loopback: it
// POSTs N new pins at concurrency C (plus replays of a tenth of them, sent
// concurrently with the originals), then reads the pins back and checks
// that none was lost or stored twice. Like the page's outbox, it retries a
// pin after a 503 or a broken connection (the id makes that safe) and
// counts the retries. It prints throughput and latency percentiles, and
// exits 1 on any error that outlives its retries, loss or duplicate.
//
//	go run ./scripts/loadpins -url http://127.0.0.1:8080 -n 2000 -c 16
package main

import (
	"bytes"
	"crypto/rand"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

func main() {
	base := flag.String("url", "http://127.0.0.1:8080", "server to load (loopback only)")
	n := flag.Int("n", 2000, "new pins to send")
	c := flag.Int("c", 16, "concurrent requests")
	label := flag.String("label", "", "name printed with the results")
	flag.Parse()
	u, err := url.Parse(*base)
	if err != nil || (u.Hostname() != "127.0.0.1" && u.Hostname() != "localhost" && u.Hostname() != "::1") {
		fmt.Fprintln(os.Stderr, "loadpins: only loopback targets")
		os.Exit(2)
	}
	if err := run(strings.TrimSuffix(*base, "/"), *n, *c, *label); err != nil {
		fmt.Fprintln(os.Stderr, "loadpins:", err)
		os.Exit(1)
	}
}

type job struct {
	id, body, device string
	net              int // which of the run's networks sends it
}

// devicesPerNetwork spreads the load over several source networks, as
// residents' phones are: the API caps one network at 1,000 writes and 150
// new devices an hour (wasm/pins/API.md), far below a 2,000-pin run.
const devicesPerNetwork = 8

// networks returns one client per network. On 127.0.0.1 each connects from
// an address of its own, 127.x.y.n (the server sees another network); for
// any other loopback name they share the default.
func networks(base string, n, conns int) []*http.Client {
	out := make([]*http.Client, n)
	u, _ := url.Parse(base)
	b := make([]byte, 2)
	rand.Read(b)
	for i := range out {
		tr := &http.Transport{MaxIdleConnsPerHost: conns}
		if u.Hostname() == "127.0.0.1" {
			ip := net.IPv4(127, 100+b[0]%100, b[1], byte(1+i%250))
			tr.DialContext = (&net.Dialer{LocalAddr: &net.TCPAddr{IP: ip}}).DialContext
		}
		out[i] = &http.Client{Timeout: 30 * time.Second, Transport: tr}
	}
	return out
}

// tokens keeps each device's signed token once the server hands it out,
// as the page does, so a device is counted as new only once.
var tokens sync.Map

func run(base string, n, c int, label string) error {
	start := time.Now().UTC().Add(-time.Second).Truncate(time.Second)
	run := newID()[:8]
	var jobs []job
	for i := 0; i < n; i++ {
		// 50 pins per device keeps every device under its hourly limit, as
		// a walk with many phones would.
		j := job{newID(), "", fmt.Sprintf("load-%s-device-%03d", run, i/50), i / 50 / devicesPerNetwork}
		j.body = fmt.Sprintf(`{"id":%q,"lon":%.6f,"lat":%.6f,"kind":"plek","note":"belasting %d"}`,
			j.id, 4.300+float64(i%100)*0.00018, 52.0625+float64(i/100)*0.0005, i)
		jobs = append(jobs, j)
		if i%10 == 0 {
			jobs = append(jobs, j) // a replay, racing the original
		}
	}
	clients := networks(base, jobs[len(jobs)-1].net+1, c)
	lat := make([]time.Duration, len(jobs))
	errs := make(chan string, len(jobs))
	var retries atomic.Int64
	queue := make(chan int)
	var wg sync.WaitGroup
	t0 := time.Now()
	for w := 0; w < c; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range queue {
				lat[i] = sendRetrying(clients[jobs[i].net], base, jobs[i], errs, &retries)
			}
		}()
	}
	for i := range jobs {
		queue <- i
	}
	close(queue)
	wg.Wait()
	elapsed := time.Since(t0)
	close(errs)
	var problems []string
	for e := range errs {
		problems = append(problems, e)
	}
	lost, dups, err := verify(clients[0], base, jobs, start)
	if err != nil {
		return err
	}
	slices.Sort(lat)
	fmt.Printf("  load %s: %d POSTs (%d new, %d replays) at concurrency %d in %.2f s: %.0f req/s, p50 %.1f ms, p99 %.1f ms; retried %d, errors %d, lost %d, duplicates %d\n",
		label, len(jobs), n, len(jobs)-n, c, elapsed.Seconds(), float64(len(jobs))/elapsed.Seconds(),
		ms(lat[len(lat)/2]), ms(lat[len(lat)*99/100]), retries.Load(), len(problems), lost, dups)
	if len(problems) > 0 || lost > 0 || dups > 0 {
		for i, p := range problems {
			if i == 5 {
				break
			}
			fmt.Fprintln(os.Stderr, "  ", p)
		}
		return fmt.Errorf("%d errors, %d lost, %d duplicates", len(problems), lost, dups)
	}
	return nil
}

// sendRetrying sends a job up to 5 times while the answer is retryable, and
// returns the latency of the whole exchange, retries included.
func sendRetrying(client *http.Client, base string, j job, errs chan<- string, retries *atomic.Int64) time.Duration {
	t := time.Now()
	for attempt := 1; ; attempt++ {
		status, err := send(client, base, j)
		switch {
		case err == nil:
			return time.Since(t)
		case attempt < 5 && (status == 0 || status == 503):
			retries.Add(1)
			time.Sleep(time.Duration(attempt) * 200 * time.Millisecond)
		default:
			errs <- err.Error()
			return time.Since(t)
		}
	}
}

func send(client *http.Client, base string, j job) (status int, err error) {
	req, _ := http.NewRequest("POST", base+"/api/pins", strings.NewReader(j.body))
	req.Header.Set("Content-Type", "application/json")
	device := j.device
	if t, ok := tokens.Load(j.device); ok {
		device = t.(string)
	}
	req.Header.Set("X-Buurtkaart-Device", device)
	res, err := client.Do(req)
	if err != nil {
		return 0, err
	}
	if t := res.Header.Get("X-Buurtkaart-Device"); strings.HasPrefix(t, j.device+".") {
		tokens.Store(j.device, t)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != 201 || !bytes.Contains(body, []byte(j.id)) {
		return res.StatusCode, fmt.Errorf("%d %s", res.StatusCode, body)
	}
	return res.StatusCode, nil
}

// verify reads back every pin created since the run began, page by page
// (at most 1,000 a page), and counts the sent ids that are missing or
// listed more than once.
func verify(client *http.Client, base string, jobs []job, since time.Time) (lost, dups int, err error) {
	seen := map[string]int{}
	for cursor := ""; ; {
		q := "?since=" + since.Format(time.RFC3339)
		if cursor != "" {
			q += "&cursor=" + url.QueryEscape(cursor)
		}
		page, err := readPage(client, base+"/api/pins"+q)
		if err != nil {
			return 0, 0, fmt.Errorf("reading pins back: %w", err)
		}
		for _, f := range page.Features {
			seen[f.ID]++
		}
		if page.Next == "" || page.Next == cursor {
			break
		}
		cursor = page.Next
	}
	want := map[string]bool{}
	for _, j := range jobs {
		want[j.id] = true
	}
	for id := range want {
		switch seen[id] {
		case 0:
			lost++
		case 1:
		default:
			dups++
		}
	}
	return lost, dups, nil
}

type page struct {
	Features []struct{ ID string }
	Next     string
}

func readPage(client *http.Client, u string) (page, error) {
	var p page
	res, err := client.Get(u)
	if err != nil {
		return p, err
	}
	defer res.Body.Close()
	if res.StatusCode != 200 {
		return p, fmt.Errorf("GET %s: %s", u, res.Status)
	}
	return p, json.NewDecoder(res.Body).Decode(&p)
}

func newID() string {
	b := make([]byte, 16)
	rand.Read(b)
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:])
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
