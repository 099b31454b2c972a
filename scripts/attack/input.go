package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"net/http"
	"strings"
)

// crossSite (item 5): another origin's fetch(…, {mode: "no-cors",
// headers: {"Content-Type": "text/plain"}}) created pins and reports. The
// replay sends what such a page, or a plain HTML form, can send.
func crossSite(t *target) result {
	own := t.resident()
	id := newID()
	if a, err := t.post(own, id, t.pinBody(id, "Van de buurt zelf", "")); err != nil || a.status != http.StatusCreated {
		return broken("a same-origin pin was refused: %d %v %s", a.status, err, short(a.body))
	}
	t.mu.Lock()
	token := t.pins[len(t.pins)-1].token
	t.mu.Unlock()
	evil := []string{"Origin: http://evil.example", "Sec-Fetch-Site: cross-site"}
	noCors := append([]string{"Content-Type: text/plain;charset=UTF-8", "Sec-Fetch-Mode: no-cors"}, evil...)
	form := append([]string{"Content-Type: application/x-www-form-urlencoded", "Sec-Fetch-Mode: navigate"}, evil...)
	jsonCross := append([]string{"Content-Type: application/json", "Sec-Fetch-Mode: cors"}, evil...)
	newPin := func() (string, string) { id := newID(); return id, t.pinBody(id, "Van elders", "") }
	var got, bad []string
	try := func(what, method, path, body string, hdr []string, pinID string) {
		a, err := t.do(method, path, body, hdr...)
		if err != nil {
			bad = append(bad, what+": "+err.Error())
			return
		}
		got = append(got, fmt.Sprintf("%s %d", what, a.status))
		if a.status < 300 {
			bad = append(bad, fmt.Sprintf("%s → %d", what, a.status))
			if pinID != "" {
				t.remember(nil, pinID, a)
			}
		}
	}
	pid, body := newPin()
	try("no-cors pin", "POST", "/api/pins", body, noCors, pid)
	pid, body = newPin()
	try("form pin", "POST", "/api/pins", body, form, pid)
	pid, body = newPin()
	try("cross-origin JSON pin", "POST", "/api/pins", body, jsonCross, pid)
	try("no-cors report", "POST", "/api/pins/"+id+"/report", `{"reason":"kwetsend"}`, noCors, "")
	try("cross-origin delete", "DELETE", "/api/pins/"+id, "", append([]string{"Authorization: Bearer " + token}, evil...), "")
	if len(bad) > 0 {
		return broken("%s", strings.Join(bad, "; "))
	}
	return held("%s", strings.Join(got, ", "))
}

// invisibleText (item 11): bidi overrides and zero-width characters were
// stored and exported in names and notes. Refused (422) or removed both
// hold; stored as sent does not.
func invisibleText(t *target) result {
	cases := []struct{ field, char string }{
		{"name", "\u202e"}, {"note", "\u200b"}, {"author", "\u2066"}, {"name", "\u2067"}, {"note", "\ufeff"},
	}
	var got, bad []string
	for _, c := range cases {
		id := newID()
		text := "Bak" + c.char + "ker"
		body := t.pinBody(id, "Zichtbaar", fmt.Sprintf(`,%q:%q`, c.field, text))
		switch c.field {
		case "name":
			body = t.pinBody(id, text, "")
		case "author":
			body = t.pinBody(id, "Zichtbaar", fmt.Sprintf(`,"author":%q,"show_author":true`, text))
		}
		a, err := t.post(t.resident(), id, body)
		if err != nil {
			bad = append(bad, err.Error())
			continue
		}
		code := fmt.Sprintf("U+%04X in %s", []rune(c.char)[0], c.field)
		switch {
		case a.status == http.StatusUnprocessableEntity:
			got = append(got, code+" 422")
		case a.status == http.StatusCreated:
			view, _ := t.do("GET", "/api/pins/"+id, "")
			if holds(a.body, c.char) || holds(view.body, c.char) {
				bad = append(bad, code+" stored and shown")
			} else {
				got = append(got, code+" removed")
			}
		default:
			bad = append(bad, fmt.Sprintf("%s: %d %s", code, a.status, short(a.body)))
		}
	}
	if len(bad) > 0 {
		return broken("%s", strings.Join(bad, "; "))
	}
	return held("%s", strings.Join(got, ", "))
}

// holds reports whether a JSON answer holds the character, raw or escaped.
func holds(body []byte, char string) bool {
	esc := fmt.Sprintf(`\u%04x`, []rune(char)[0])
	return bytes.Contains(body, []byte(char)) || bytes.Contains(bytes.ToLower(body), []byte(esc))
}

// malformedPins (extra: pin.Decode parses untrusted bytes and had no fuzz
// test): 200 mutations of a valid pin from a fixed seed; none may crash
// the server or answer 500.
func malformedPins(t *target) result {
	const seed, n = 16, 200
	r := rand.New(rand.NewPCG(seed, seed))
	statuses := map[int]int{}
	for i := range n {
		id := newID()
		body := mutate(r, t.pinBody(id, "Fuzz", `,"note":"ë ĳ","author":"A","show_author":true`))
		a, err := t.do("POST", "/api/pins", body, t.browser()...)
		if err != nil {
			return broken("mutation %d (seed %d): %v after %q", i, seed, err, body)
		}
		t.remember(nil, id, a)
		statuses[a.status]++
		if a.status >= 500 && !(a.status == 503 && a.header.Get("Retry-After") != "") {
			return broken("mutation %d (seed %d): %d %s for %q", i, seed, a.status, short(a.body), body)
		}
	}
	if a, err := t.do("GET", "/api/pins?bbox=4.29,52.05,4.30,52.06", ""); err != nil || a.status != 200 {
		return broken("the server does not answer after the mutations: %d %v", a.status, err)
	}
	return held("%d bodies (seed %d), answers %v, no 500", n, seed, statuses)
}

// mutate damages a JSON pin one of the ways a fuzzer would.
func mutate(r *rand.Rand, s string) string {
	b := []byte(s)
	switch r.IntN(8) {
	case 0: // flip a byte
		b[r.IntN(len(b))] ^= byte(1 + r.IntN(255))
	case 1: // cut short
		b = b[:r.IntN(len(b))]
	case 2: // a huge or odd number
		nums := []string{"1e309", "-0", "NaN", "1" + strings.Repeat("0", 400), "0x10", "52.06e0"}
		return strings.Replace(s, `"lat":`, `"lat":`+nums[r.IntN(len(nums))]+`,"x":`, 1)
	case 3: // deep nesting
		return strings.Replace(s, `"Fuzz"`, strings.Repeat("[", 10000)+strings.Repeat("]", 10000), 1)
	case 4: // a duplicate key
		return strings.Replace(s, `"kind":"plek"`, `"kind":"plek","kind":"talent"`, 1)
	case 5: // invalid UTF-8 and escapes
		bad := []string{"\xff\xfe", `\ud800`, `\u0000`, "\x00", `\u202e`}
		return strings.Replace(s, "Fuzz", bad[r.IntN(len(bad))], 1)
	case 6: // wrong types
		return strings.Replace(s, `"show_author":true`, `"show_author":{"a":[1,2]}`, 1)
	default: // trailing data
		return s + `{"id":"x"}`
	}
	if !json.Valid(b) && r.IntN(2) == 0 {
		return string(b) + "}"
	}
	return string(b)
}
