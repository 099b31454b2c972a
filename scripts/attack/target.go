package main

import (
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"math"
	mrand "math/rand/v2"
	"net"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"
)

// target is the server under attack and what the run made on it.
type target struct {
	base           string
	pid            int
	logPath        string
	dbPath, mapKey string
	slow           time.Duration
	client         *http.Client
	worker         bool         // the Worker: it makes no posters
	spots          [][2]float64 // the map's places, where pins go
	source         net.IP       // the run's own address, 127.a.b.c (nil: the system's choice)
	transport      *http.Transport

	mu        sync.Mutex
	pins      []made   // to delete at the end
	residents []*phone // the street party's phones, signed by the server where it signs
	next      int
}

// made is a pin this run stored, with what deletes it.
type made struct{ id, token, device string }

func newTarget(base string, pid int, logPath, dbPath, mapKey string, slow time.Duration) *target {
	t := &target{base: base, pid: pid, logPath: logPath, dbPath: dbPath, mapKey: mapKey, slow: slow}
	t.source = sourceAddr(base)
	t.transport = &http.Transport{DialContext: t.dialer(20 * time.Second).DialContext, MaxIdleConnsPerHost: 16}
	t.client = &http.Client{Timeout: 20 * time.Second, Transport: t.transport}
	a, err := t.do("HEAD", "/poster.pdf", "")
	t.worker = err == nil && a.status == http.StatusNotFound
	t.spots = t.places()
	return t
}

// sourceAddr picks the run's own loopback address when the target is
// 127.0.0.1: the server then sees this run as a network of its own, so
// what other tests spent of 127.0.0.1's hourly budgets (new devices,
// writes, wrong tokens) does not count here, nor this run's against them,
// and a second run in the same hour starts afresh. scripts/loadpins uses
// 127.100–199.x.x; this takes 127.200–249.x.x.
func sourceAddr(base string) net.IP {
	u, err := url.Parse(base)
	if err != nil || u.Hostname() != "127.0.0.1" {
		return nil
	}
	b := make([]byte, 3)
	rand.Read(b)
	return net.IPv4(127, 200+b[0]%50, b[1], 1+b[2]%250)
}

// dialer connects from the run's own address.
func (t *target) dialer(timeout time.Duration) *net.Dialer {
	d := &net.Dialer{Timeout: timeout}
	if t.source != nil {
		d.LocalAddr = &net.TCPAddr{IP: t.source}
	}
	return d
}

// answer is a response read whole.
type answer struct {
	status int
	header http.Header
	body   []byte
}

// do sends a request and reads the whole answer; hdr are "Name: value" pairs.
func (t *target) do(method, path, body string, hdr ...string) (answer, error) {
	var r io.Reader
	if body != "" {
		r = strings.NewReader(body)
	}
	req, err := http.NewRequest(method, t.base+path, r)
	if err != nil {
		return answer{}, err
	}
	for _, h := range hdr {
		k, v, _ := strings.Cut(h, ": ")
		if k == "Host" {
			req.Host = v
		} else {
			req.Header.Set(k, v)
		}
	}
	res, err := t.client.Do(req)
	if err != nil {
		return answer{}, err
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	return answer{res.StatusCode, res.Header, b}, err
}

// browser is what the map's own page sends with a write: JSON from its own
// origin.
func (t *target) browser() []string {
	return []string{"Content-Type: application/json", "Origin: " + t.base, "Sec-Fetch-Site: same-origin", "Sec-Fetch-Mode: cors"}
}

// phone is one device as the page keeps it: a random id, and the server's
// signed form of it once an answer carried one.
type phone struct{ token string }

func newPhone() *phone { return &phone{token: randHex(16)} }

// resident is one of the street party's phones, in turn: the later attacks
// write from devices the server already knows, so its allowance for new
// devices (spent by mintedDevices) does not refuse them.
func (t *target) resident() *phone {
	t.mu.Lock()
	defer t.mu.Unlock()
	if len(t.residents) == 0 {
		return newPhone()
	}
	t.next++
	return t.residents[t.next%len(t.residents)]
}

// id is the device's own id, without the server's signature.
func (p *phone) id() string { id, _, _ := strings.Cut(p.token, "."); return id }

// pinBody is a new pin a few metres from one of the map's own places, so
// inside the buurt whatever shape the server checks (bbox or boundary).
func (t *target) pinBody(id, name string, extra string) string {
	at := [2]float64{4.307, 52.0675} // the sample's middle, if the map has no places
	if len(t.spots) > 0 {
		at = t.spots[mrand.IntN(len(t.spots))]
	}
	lon := at[0] + (mrand.Float64()-0.5)*0.0002
	lat := at[1] + (mrand.Float64()-0.5)*0.0002
	return fmt.Sprintf(`{"id":%q,"lon":%s,"lat":%s,"kind":"plek","name":%q%s}`, id, coord(lon), coord(lat), name, extra)
}

// places reads where the map's places are, from the map file the site serves.
func (t *target) places() [][2]float64 {
	a, err := t.do("GET", "/map.geojson", "")
	if err != nil || a.status != 200 {
		return nil
	}
	var fc struct {
		Features []struct {
			Geometry struct {
				Type        string          `json:"type"`
				Coordinates json.RawMessage `json:"coordinates"`
			} `json:"geometry"`
		} `json:"features"`
	}
	json.Unmarshal(a.body, &fc)
	var out [][2]float64
	for _, f := range fc.Features {
		var p [2]float64
		if f.Geometry.Type == "Point" && json.Unmarshal(f.Geometry.Coordinates, &p) == nil {
			out = append(out, p)
		}
	}
	return out
}

func coord(v float64) string { return fmt.Sprintf("%.6f", math.Round(v*1e6)/1e6) }

// post sends a pin from phone p (nil: no device) as the page does, keeps
// the signed device token the answer carries and remembers a stored pin
// for cleanup.
func (t *target) post(p *phone, id, body string, hdr ...string) (answer, error) {
	h := append(t.browser(), "Idempotency-Key: "+id)
	if p != nil {
		h = append(h, "X-Buurtkaart-Device: "+p.token)
	}
	a, err := t.do("POST", "/api/pins", body, append(h, hdr...)...)
	if err != nil {
		return a, err
	}
	if p != nil {
		if signed := a.header.Get("X-Buurtkaart-Device"); strings.HasPrefix(signed, p.id()+".") {
			p.token = signed
		}
	}
	t.remember(p, id, a)
	return a, nil
}

// remember keeps a stored pin's delete token for cleanup.
func (t *target) remember(p *phone, id string, a answer) {
	if a.status != http.StatusCreated {
		return
	}
	var c struct {
		Token string `json:"delete_token"`
	}
	json.Unmarshal(a.body, &c)
	dev := ""
	if p != nil {
		dev = p.token
	}
	t.mu.Lock()
	t.pins = append(t.pins, made{id, c.Token, dev})
	t.mu.Unlock()
}

// cleanup deletes every pin this run stored, with its delete token.
func cleanup(t *target) result {
	t.mu.Lock()
	pins := t.pins
	t.pins = nil
	t.mu.Unlock()
	var left []string
	for _, m := range pins {
		h := append(t.browser(), "Authorization: Bearer "+m.token)
		if m.device != "" {
			h = append(h, "X-Buurtkaart-Device: "+m.device)
		}
		a, err := t.do("DELETE", "/api/pins/"+m.id, "", h...)
		if err != nil || (a.status != http.StatusNoContent && a.status != http.StatusNotFound) {
			left = append(left, fmt.Sprintf("%s: %d %v", m.id, a.status, err))
		}
	}
	if len(left) > 0 {
		return result{"done", fmt.Sprintf("deleted %d of %d; left %d, first %s", len(pins)-len(left), len(pins), len(left), left[0])}
	}
	return result{"done", fmt.Sprintf("deleted %d of %d", len(pins), len(pins))}
}

// newID is a random lowercase UUID (version 4), as the page makes pin ids.
func newID() string {
	b := make([]byte, 16)
	rand.Read(b)
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	h := hex.EncodeToString(b)
	return h[:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:]
}

func randHex(n int) string {
	b := make([]byte, n)
	rand.Read(b)
	return hex.EncodeToString(b)
}

// percentile of sorted durations, p in 0…100.
func percentile(sorted []time.Duration, p int) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	return sorted[min(len(sorted)-1, len(sorted)*p/100)]
}

func ms(d time.Duration) string { return fmt.Sprintf("%.0f ms", float64(d)/float64(time.Millisecond)) }

func short(b []byte) string {
	s := strings.Join(strings.Fields(string(b)), " ")
	if len(s) > 120 {
		s = s[:120] + "…"
	}
	return s
}
