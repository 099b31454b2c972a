package pin

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"
)

// FuzzDecode feeds Decode untrusted bytes, starting from the decode table
// and the pins in testdata/. It must never panic, and whatever it accepts
// must keep every rule and be a fixed point: the accepted pin, sent again,
// decodes to itself (so a replay of it matches).
//
//	go test ./wasm/pin -run '^$' -fuzz FuzzDecode -fuzztime 60s
func FuzzDecode(f *testing.F) {
	for _, c := range decodeCases {
		f.Add([]byte(c.body))
	}
	files, _ := filepath.Glob("testdata/*.json")
	for _, name := range files {
		b, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		p, pr := Decode(body, buurt, now)
		if pr != nil {
			if pr.Status < 400 || pr.Code == "" || pr.NL == "" || pr.EN == "" {
				t.Fatalf("incomplete problem %+v", pr)
			}
			return
		}
		if !isUUID(p.ID) || !p.Kind.Valid() || !buurt.Bounds.Contains(p.At()) || p.Created != "2026-11-23T10:00:00Z" {
			t.Fatalf("accepted a pin that breaks the rules: %+v", p)
		}
		for _, s := range []string{p.Name, p.Note, p.Author} {
			if !utf8.ValidString(s) || invisible(s) >= 0 || utf8.RuneCountInString(s) > MaxNote {
				t.Fatalf("accepted text %q", s)
			}
		}
		again, pr := Decode(resend(t, p), buurt, now)
		if pr != nil || again != p {
			t.Fatalf("not a fixed point: %+v\nsent again: %+v, %v", p, again, pr)
		}
	})
}

// resend is the body a client sends for p.
func resend(t *testing.T, p Pin) []byte {
	b, err := json.Marshal(input{ID: &p.ID, Lon: &p.Lon, Lat: &p.Lat, Kind: (*string)(&p.Kind),
		Name: &p.Name, Note: &p.Note, Author: &p.Author, ShowAuthor: p.ShowAuthor})
	if err != nil {
		t.Fatal(err)
	}
	return b
}
