// Command attack replays the attacks of issue 16 (an outside review of
// serve and the Worker) against a running server and prints one line per
// attack: "→ held", "→ BROKEN" with what happened, or "→ n/a" where the
// target cannot show it (the Worker makes no posters; a figure needs
// -pid, -log or -db). It exits 1 if any attack broke. Loopback only, and
// bounded: the slow-body attack lasts -slow seconds, the poster attack
// stops at 1 GB of RSS or 100 s, the whole run stays under 3 minutes.
//
//	go run ./scripts/attack -url http://127.0.0.1:8080 [-pid PID] [-log serve.log] [-db buurtkaart.db]
//
// The pins it creates are deleted at the end with their delete tokens. On
// 127.0.0.1 it connects from an address of its own (127.200–249.x.x), so
// the hourly budgets it spends (writes, new devices, wrong moderator
// tokens) are its own network's: other tests on 127.0.0.1 keep theirs,
// and a second run in the same hour starts afresh.
package main

import (
	"flag"
	"fmt"
	"net/url"
	"os"
	"strings"
	"time"
)

// result is what one attack found.
type result struct {
	verdict string // "held", "BROKEN" or "n/a"
	detail  string
}

func held(f string, a ...any) result   { return result{"held", fmt.Sprintf(f, a...)} }
func broken(f string, a ...any) result { return result{"BROKEN", fmt.Sprintf(f, a...)} }
func na(f string, a ...any) result     { return result{"n/a", fmt.Sprintf(f, a...)} }

// attack is one replay: the item number and what it tries.
type attack struct {
	item, name string
	run        func(*target) result
}

// attacks in the order they run: files and headers first, then the pins
// API (the street party before anything spends this network's budgets),
// then cleanup, then what spends the moderator budget or loads the
// server: token guessing, slow bodies, posters.
var attacks = []attack{
	{"7", "folder listings and dotfiles", listings},
	{"8", "newlines and ANSI escapes in a logged path", logInjection},
	{"9", "formulas in CSV header cells", csvHeader},
	{"10", "Host header in poster and oEmbed", hostHeader},
	{"+", "wasm as served (brotli ≤ 0.8 MB)", wasmSize},
	{"+", "Worker bundle ≤ 3 MB gzip", workerBudget},
	{"3", "street-party Wi-Fi: 100 phones × 3 pins", streetParty},
	{"3", "made-up device ids past the limit", mintedDevices},
	{"2", "author oracle by replay", authorOracle},
	{"5", "cross-site writes (no-cors text/plain)", crossSite},
	{"11", "bidi overrides and zero-width characters", invisibleText},
	{"+", "malformed pin bodies (pin.Decode)", malformedPins},
	{"6", "unbounded reads: one page ≤ 1,000 pins", pageSize},
	{"6", "a one-pin read behind exports", readBehindExports},
	{"13", "rate-limit keys reversible from the file", saltInFile},
	{"", "cleanup: delete the pins made here", cleanup},
	{"12", "moderator token guessing", tokenGuessing},
	{"4", "1,000 slow bodies vs GET p99", slowBodies},
	{"1", "24 parallel A1 posters", posterCost},
}

func main() {
	base := flag.String("url", "", "the server to attack: serve or the Worker under wrangler dev (loopback only); also the first argument")
	pid := flag.Int("pid", 0, "serve's process id, to read its RSS from /proc (none for the Worker)")
	logPath := flag.String("log", "", "the server's log file, to look for forged lines")
	dbPath := flag.String("db", "", "the server's SQLite file (serve's --db, or the local D1 file), to try reversing rate-limit keys")
	mapKey := flag.String("map", "schilderswijk", "the map's key in the database (serve: the map file's name)")
	slow := flag.Duration("slow", 20*time.Second, "how long the slow-body attack lasts (15…30 s: longer than a read timeout)")
	only := flag.String("only", "", "run only the attacks whose item is in this comma-separated list, e.g. 4,7")
	flag.Parse()
	if *base == "" && flag.NArg() > 0 {
		*base = flag.Arg(0)
	}
	u, err := url.Parse(*base)
	if err != nil || u.Host == "" || (u.Hostname() != "127.0.0.1" && u.Hostname() != "localhost" && u.Hostname() != "::1") {
		fmt.Fprintln(os.Stderr, "attack: give a loopback URL, e.g. -url http://127.0.0.1:8080")
		os.Exit(2)
	}
	t := newTarget(strings.TrimSuffix(*base, "/"), *pid, *logPath, *dbPath, *mapKey, min(max(*slow, 15*time.Second), 30*time.Second))
	time.AfterFunc(3*time.Minute, func() {
		fmt.Println("attack: still running after 3 minutes: stopped (the server hangs?)")
		os.Exit(1)
	})
	kind := "serve"
	if t.worker {
		kind = "the Worker (no /poster.pdf)"
	}
	from := "the system's address"
	if t.source != nil {
		from = t.source.String() + " (a network of its own)"
	}
	fmt.Printf("attack: %s, %s, from %s\n", t.base, kind, from)
	start, failed := time.Now(), 0
	for _, a := range attacks {
		if *only != "" && a.item != "" && !strings.Contains(","+*only+",", ","+a.item+",") {
			continue
		}
		t0 := time.Now()
		r := a.run(t)
		if r.verdict == "BROKEN" {
			failed++
		}
		fmt.Printf("%-3s %-46s → %s (%s) [%.1f s]\n", a.item, a.name, r.verdict, r.detail, time.Since(t0).Seconds())
	}
	fmt.Printf("attack: %d broken, in %.0f s against %s\n", failed, time.Since(start).Seconds(), t.base)
	if failed > 0 {
		os.Exit(1)
	}
}
