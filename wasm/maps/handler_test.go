//go:build !js

package maps_test

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"

	"github.com/buurtkaart/buurtkaart/wasm/maps"
)

func TestHandler(t *testing.T) {
	s := openStore(t)
	sample, err := os.ReadFile("../../geodata/schilderswijk.geojson")
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Create(context.Background(), "schilderswijk", "", sample, "buurtkaart", at); err != nil {
		t.Fatal(err)
	}
	var saved []int
	srv := httptest.NewServer(maps.NewHandler(s, &maps.Options{
		Keeper: func(w http.ResponseWriter, r *http.Request, slug string) (string, bool) {
			if r.Header.Get("Authorization") != "Bearer sleutel" {
				http.Error(w, `{"error":{"code":"not_keeper"}}`, http.StatusUnauthorized)
				return "", false
			}
			return "Fatima", true
		},
		Saved: func(r *http.Request, slug, who string, rev maps.Revision) { saved = append(saved, rev.N) },
	}))
	defer srv.Close()
	call := func(method, path, body string, h ...string) (*http.Response, string) {
		req, _ := http.NewRequest(method, srv.URL+path, strings.NewReader(body))
		for i := 0; i+1 < len(h); i += 2 {
			req.Header.Set(h[i], h[i+1])
		}
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(res.Body)
		res.Body.Close()
		return res, string(b)
	}
	res, body := call("GET", "/schilderswijk/api/map", "")
	if res.StatusCode != 200 || res.Header.Get("ETag") != `"1"` || body != string(sample) {
		t.Fatalf("GET: %d %s", res.StatusCode, res.Header.Get("ETag"))
	}
	if res, _ := call("GET", "/schilderswijk/api/map", "", "If-None-Match", `"1"`); res.StatusCode != 304 {
		t.Errorf("If-None-Match: %d, want 304", res.StatusCode)
	}
	changed := strings.Replace(string(sample), "wat we hier hebben", "wat we samen hebben", 1)
	key := []string{"Authorization", "Bearer sleutel"}
	const broken = `{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[4.3,52.06]},"properties":{"kind":"talnt","name":"x"}}]}`
	for _, tt := range []struct {
		name    string
		body    string
		headers []string
		status  int
		code    string
	}{
		{"no keeper", changed, []string{"If-Match", `"1"`}, 401, "not_keeper"},
		{"no If-Match", changed, key, 428, "if_match_required"},
		{"a broken file", broken, append(key, "If-Match", `"1"`), 422, `"message_en":"unknown kind \"talnt\"`},
		{"saved", changed, append(key, "If-Match", `"1"`, "X-Buurtkaart-Summary", "titel%20van%20Caf%C3%A9"), 200, ""},
		{"a second keeper on the old revision", changed, append(key, "If-Match", `"1"`), 412, `"revision":2`},
	} {
		res, body := call("PUT", "/schilderswijk/api/map", tt.body, tt.headers...)
		if res.StatusCode != tt.status || !strings.Contains(body, tt.code) {
			t.Errorf("%s: %d %s, want %d %s", tt.name, res.StatusCode, body, tt.status, tt.code)
		}
	}
	if len(saved) != 1 || saved[0] != 2 {
		t.Errorf("Saved heard of %v, want [2]", saved)
	}
	for _, tt := range []struct {
		name, body string
		headers    []string
		status     int
		want       string
	}{
		{"check without a token", broken, nil, 401, "not_keeper"},
		{"check a broken file", broken, key, 200, `"severity":"error"`},
		{"check a good file", changed, key, 200, `{"problems":[]}`},
		{"check what is not JSON", "{", key, 200, `"line":1,"feature":-1,"where":"1:1"`},
	} {
		res, body := call("POST", "/schilderswijk/api/map/check", tt.body, tt.headers...)
		if res.StatusCode != tt.status || !strings.Contains(body, tt.want) {
			t.Errorf("%s: %d %s, want %d %s", tt.name, res.StatusCode, body, tt.status, tt.want)
		}
	}
	res, body = call("GET", "/schilderswijk/api/map", "")
	if res.Header.Get("ETag") != `"2"` || !strings.Contains(body, "wat we samen hebben") {
		t.Errorf("after the save: %s", res.Header.Get("ETag"))
	}
	if res, _ := call("GET", "/schilderswijk/api/map/revisions", ""); res.StatusCode != 401 {
		t.Errorf("the history without a keeper's token: %d, want 401", res.StatusCode)
	}
	if _, body := call("GET", "/schilderswijk/api/map/revisions", "", key...); !strings.Contains(body, `"who":"Fatima"`) || !strings.Contains(body, `"summary":"titel van Café"`) {
		t.Errorf("history: %s", body)
	}
	if res, _ := call("GET", "/elders/api/map", ""); res.StatusCode != 404 {
		t.Errorf("unknown map: %d", res.StatusCode)
	}
}
