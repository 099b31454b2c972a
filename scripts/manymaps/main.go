// Command manymaps checks one running deployment (serve or the Worker)
// hosting several maps (issue 13): it starts two more beside the default
// map with POST /api/maps, and checks that / lists them, that a pin of
// one map never shows on another, that a map's boundary polygon decides
// (not its bbox), that a keeper's save is in the next page load's first
// paint, and that one map's keeper has no rights on another. Then it
// times a cold render of a real 2,887-street map and a cached hit
// (printed, not judged). One line per check; exit 1 if any failed.
//
//	go run ./scripts/manymaps -url http://127.0.0.1:8080 -token MODERATOR_TOKEN
//
// It needs a store without the maps transvaal, moerwijk and cluj (a fresh
// one, as scripts/test gives it).
package main

import (
	"bytes"
	"compress/gzip"
	"crypto/rand"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"sort"
	"strings"
	"time"

	"github.com/buurtkaart/buurtkaart/wasm/atlas"
	"github.com/buurtkaart/buurtkaart/wasm/exchange"
)

var (
	base   = flag.String("url", "http://127.0.0.1:8080", "the deployment")
	token  = flag.String("token", os.Getenv("PINS_MODERATOR_TOKEN"), "the deployment's moderator token")
	pre    = flag.String("pre-link", "", "also start spoorwijk, a map whose pins wait for a keeper, and write its first keeper's link to this file")
	failed bool
)

func check(ok bool, name, f string, a ...any) {
	verdict := "ok  "
	if !ok {
		verdict, failed = "FAIL", true
	}
	fmt.Printf("manymaps: %s %s: %s\n", verdict, name, fmt.Sprintf(f, a...))
}

type answer struct {
	status int
	body   string
	header http.Header
	took   time.Duration
}

func do(method, path, body string, headers ...string) answer {
	req, err := http.NewRequest(method, *base+path, strings.NewReader(body))
	if err != nil {
		panic(err)
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("X-Buurtkaart-Device", "manymaps-"+uuid()[:8])
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
	}
	start := time.Now()
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		fmt.Println("manymaps: FAIL", method, path, err)
		os.Exit(1)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return answer{res.StatusCode, string(b), res.Header, time.Since(start)}
}

func uuid() string {
	b := make([]byte, 16)
	rand.Read(b)
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:])
}

// newMap starts a map and returns its first keeper's code.
func newMap(slug string, geojson []byte, boundary string) string {
	body, _ := json.Marshal(map[string]any{"slug": slug, "geojson": string(geojson), "boundary": boundary, "keeper": "Fatima"})
	a := do("POST", "/api/maps", string(body), "Authorization", "Bearer "+*token)
	check(a.status == 201, "start "+slug, "POST /api/maps → %d", a.status)
	var out struct {
		Link string `json:"keeper_link"`
	}
	json.Unmarshal([]byte(a.body), &out)
	_, code, _ := strings.Cut(out.Link, "#code=")
	return code
}

func main() {
	flag.Parse()
	*base = strings.TrimSuffix(*base, "/")
	sample := do("GET", "/schilderswijk/api/map", "")
	if sample.status != 200 {
		fmt.Println("manymaps: FAIL the default map: GET /schilderswijk/api/map →", sample.status)
		os.Exit(1)
	}
	retitle := func(title string) []byte {
		return []byte(strings.Replace(sample.body, `"title":"Schilderswijk`, `"title":"`+title, 1))
	}
	// About 690 × 890 m of the sample's east: inside its bbox and its
	// streets' hull, a smaller buurt that still holds every spot the pins
	// contract suite posts to (it runs on this map too).
	square := `{"type":"Polygon","coordinates":[[[4.3020,52.0640],[4.3120,52.0640],[4.3120,52.0720],[4.3020,52.0720],[4.3020,52.0640]]]}`
	code := newMap("transvaal", retitle("Transvaal"), square)
	newMap("moerwijk", retitle("Moerwijk"), "")

	list := do("GET", "/", "")
	check(list.status == 200 && strings.Count(list.body, "<li><a href=") == 3 && strings.Contains(list.body, `href="transvaal/">Transvaal`),
		"list", "/ lists the three maps (%d)", list.status)
	for _, m := range []string{"schilderswijk", "transvaal", "moerwijk"} {
		p := do("GET", "/"+m+"/", "")
		check(p.status == 200 && strings.Contains(p.body, `id="kaart"`) && strings.Contains(strings.ToLower(p.body), "<title>"+m),
			"page "+m, "/%s/ is its own drawn map (%d, %s)", m, p.status, p.header.Get("Server-Timing"))
	}

	// A pin of one map is never on another.
	id := uuid()
	pin := `{"id":"` + id + `","lon":4.3045,"lat":52.0675,"kind":"plek","note":"Bankje bij de speeltuin"}`
	a := do("POST", "/moerwijk/api/pins", pin)
	check(a.status == 201, "pin", "POST /moerwijk/api/pins → %d %.80s", a.status, a.body)
	check(strings.Contains(do("GET", "/moerwijk/api/pins", "").body, id), "pin", "moerwijk lists its pin")
	for _, other := range []string{"/schilderswijk", "/transvaal", ""} {
		l := do("GET", other+"/api/pins", "")
		g := do("GET", other+"/api/pins/"+id, "")
		check(!strings.Contains(l.body, id) && g.status == 404, "apart", "%s/api/pins has not moerwijk's pin (GET by id → %d)", other, g.status)
	}
	ex := do("GET", "/transvaal/export.geojson", "")
	check(ex.status == 200 && !strings.Contains(ex.body, id), "apart", "transvaal's export has not moerwijk's pin")

	// The boundary polygon decides: inside the bbox and the sample's own
	// buurt, outside transvaal's square.
	out := `"lon":4.2985,"lat":52.0700,"kind":"plek"`
	a = do("POST", "/schilderswijk/api/pins", `{"id":"`+uuid()+`",`+out+`}`)
	check(a.status == 201, "boundary", "the spot is inside the sample's buurt: %d", a.status)
	a = do("POST", "/transvaal/api/pins", `{"id":"`+uuid()+`",`+out+`}`)
	check(a.status == 422 && strings.Contains(a.body, "outside_boundary"), "boundary", "outside transvaal's polygon → %d %.120s", a.status, a.body)

	// A keeper's save is in the next page load's first paint.
	s := do("POST", "/transvaal/api/keeper/session", `{"code":"`+code+`"}`)
	var sess struct {
		Token string `json:"token"`
	}
	json.Unmarshal([]byte(s.body), &sess)
	check(s.status == 200 && sess.Token != "", "keeper", "transvaal's keeper link signs in (%d)", s.status)
	cur := do("GET", "/transvaal/api/map", "")
	changed := strings.Replace(cur.body, `"features":[`, `"features":[
{"type":"Feature","id":"plek-de-nieuwe-bank","geometry":{"type":"Point","coordinates":[4.3045,52.0668]},"properties":{"name":"De Nieuwe Bank","kind":"plek"}},`, 1)
	put := do("PUT", "/transvaal/api/map", changed, "Authorization", "Bearer "+sess.Token, "If-Match", cur.header.Get("ETag"))
	check(put.status == 200, "save", "PUT /transvaal/api/map → %d %.100s", put.status, put.body)
	for _, p := range []string{"/transvaal/", "/transvaal/embed", "/transvaal/places.json"} {
		g := do("GET", p, "")
		check(strings.Contains(g.body, "De Nieuwe Bank"), "save", "the next load of %s shows the saved place", p)
	}
	check(!strings.Contains(do("GET", "/moerwijk/", "").body, "De Nieuwe Bank"), "save", "moerwijk does not")
	stale := do("PUT", "/transvaal/api/map", changed, "Authorization", "Bearer "+sess.Token, "If-Match", cur.header.Get("ETag"))
	check(stale.status == 412, "save", "a save on the old revision → %d", stale.status)
	other := do("GET", "/moerwijk/api/keeper/queue", "", "Authorization", "Bearer "+sess.Token)
	check(other.status == 403, "keeper", "transvaal's keeper on moerwijk → %d", other.status)
	mod := do("PUT", "/moerwijk/api/map", changed, "Authorization", "Bearer "+sess.Token, "If-Match", `"1"`)
	check(mod.status == 403, "keeper", "transvaal's keeper saving moerwijk → %d", mod.status)

	if *pre != "" {
		// The workshop's queue of pending pins needs a "pre" map.
		code := newMap("spoorwijk", []byte(strings.Replace(string(retitle("Spoorwijk")), `"moderation":"post"`, `"moderation":"pre"`, 1)), "")
		os.WriteFile(*pre, []byte(*base+"/spoorwijk/beheer#code="+code), 0o600)
	}
	bench()
	if failed {
		os.Exit(1)
	}
}

// bench starts a map of a real neighbourhood's 2,887 streets (Cluj-Napoca,
// an overpass-turbo export, ODbL) and times its first page (a cold
// render) and the next ones (kept per revision). Server-Timing is what the
// host itself spent: on the Worker, the isolate's time for the request.
func bench() {
	raw, err := os.ReadFile("wasm/exchange/testdata/cluj-streets.geojson.gz")
	if err != nil {
		fmt.Println("manymaps: bench: ", err)
		return
	}
	zr, _ := gzip.NewReader(bytes.NewReader(raw))
	data, _ := io.ReadAll(zr)
	m, _, err := exchange.Import(data, exchange.Overpass, nil)
	if err != nil {
		fmt.Println("manymaps: bench:", err)
		return
	}
	m.Title = "Cluj-Napoca (OpenStreetMap)"
	var file bytes.Buffer
	if err := atlas.Write(&file, m, nil); err != nil {
		fmt.Println("manymaps: bench:", err)
		return
	}
	streets := 0
	for _, s := range m.Shapes {
		if s.Layer == atlas.Straat {
			streets++
		}
	}
	newMap("cluj", file.Bytes(), "")
	cold := do("GET", "/cluj/", "")
	var hits []time.Duration
	var timing string
	for range 15 {
		h := do("GET", "/cluj/", "")
		hits = append(hits, h.took)
		timing = h.header.Get("Server-Timing")
	}
	sort.Slice(hits, func(i, j int) bool { return hits[i] < hits[j] })
	fmt.Printf("bench: a map of %d streets (%d KB): cold render %.0f ms wall (Server-Timing %s), page %d KB; cached hit p50 %.1f ms wall (Server-Timing %s)\n",
		streets, file.Len()>>10, ms(cold.took), cold.header.Get("Server-Timing"), len(cold.body)>>10, ms(hits[len(hits)/2]), timing)
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
