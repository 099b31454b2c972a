//go:build !js

package pins_test

// The contract against abuse (issue 16, items 2, 3 and 12): what the
// outside review did to serve and the Worker, replayed, with the answers
// that must hold now.

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/buurtkaart/buurtkaart/wasm/pins"
)

// Item 2. Replaying a visible pin's public fields with a guessed author
// answered 409 when wrong and 201 with the hidden author when right. Now
// someone else's replay gets the public view whatever they guess.
func TestContractReplayRevealsNothing(t *testing.T) {
	base := target(t)
	id := uuid()
	public := `{"id":"` + id + `","lon":4.3045,"lat":52.0675,"kind":"verhaal","note":"de oude bakkerij"`
	mine, _ := newNetwork(t, base).post(t, base, public+`,"author":"Fatima"}`)
	var stored []created
	removeLater(t, base, &stored)
	stored = append(stored, mine)

	guesser := newNetwork(t, base)
	other := []string{pins.DeviceHeader, "guessing-device-" + uuid()[:12]}
	right := guesser.do(t, "POST", base+"/api/pins", public+`,"author":"Fatima"}`, other...)
	wrong := guesser.do(t, "POST", base+"/api/pins", public+`,"author":"Henk"}`, other...)
	none := guesser.do(t, "POST", base+"/api/pins", public+`}`, other...)
	for name, r := range map[string]response{"right guess": right, "wrong guess": wrong, "no author": none} {
		if r.status != right.status || !bytes.Equal(r.body, right.body) {
			t.Errorf("%s: %d %s; right guess: %d %s — the answer tells them apart", name, r.status, r.body, right.status, right.body)
		}
		if strings.Contains(string(r.body), "Fatima") || strings.Contains(string(r.body), `"delete_token":"`+mine.DeleteToken) {
			t.Errorf("%s: the answer reveals a private field: %s", name, r.body)
		}
	}
	if right.status != 201 {
		t.Errorf("a replay of the public fields: %d %s, want 201 with the public pin", right.status, right.body)
	}
	// The maker's own replay still gets everything back, byte for byte.
	if again, _ := newNetwork(t, base).post(t, base, public+`,"author":"Fatima"}`); again != mine {
		t.Errorf("the maker's replay: %+v, want %+v", again, mine)
	}
}

// Item 2. Replays by others count against the rate limit: 300 guesses from
// one device met no 429 before.
func TestContractReplaysCount(t *testing.T) {
	clearOfTheHour(t, time.Minute)
	base := target(t)
	c, _ := newNetwork(t, base).post(t, base, pinJSON(uuid(), `,"note":"geraden","author":"Fatima"`))
	stored := []created{c}
	removeLater(t, base, &stored)
	guesser := newNetwork(t, base)
	dev := []string{pins.DeviceHeader, "guessing-device-" + uuid()[:12]}
	for i := 0; i < 300; i++ {
		r := guesser.do(t, "POST", base+"/api/pins", pinJSON(c.ID, fmt.Sprintf(`,"note":"geraden","author":"gok %d"`, i)), dev...)
		if r.status == 429 {
			expectProblem(t, r, 429, "too_many")
			t.Logf("guess %d: 429", i+1)
			return
		}
	}
	t.Fatal("300 replays with guessed authors, no 429")
}

// Item 3. After a device's 429, made-up device tokens were each a fresh
// budget (65 of 65 stored). Now a token the server did not sign is a new
// device, and a network may bring at most NewDevicesPerAddress (150) into
// use an hour: every made-up token past that is refused and stores nothing.
func TestContractMintedDevices(t *testing.T) {
	clearOfTheHour(t, time.Minute)
	base := target(t)
	wifi := newNetwork(t, base)
	var stored []created
	removeLater(t, base, &stored)
	flood := []string{pins.DeviceHeader, "flooding-device-" + uuid()[:12]}
	for i := 0; ; i++ {
		r := wifi.do(t, "POST", base+"/api/pins", pinJSON(uuid(), ""), flood...)
		if r.status == 429 {
			break
		}
		if r.status != 201 || i > 100 {
			t.Fatalf("flood %d: %d %s", i, r.status, r.body)
		}
		stored = append(stored, decodeCreated(t, r))
	}
	minted, refused := 0, 0
	for i := 0; i < 400 && refused < 30; i++ {
		r := wifi.do(t, "POST", base+"/api/pins", pinJSON(uuid(), ""), pins.DeviceHeader, "made-up-device-"+uuid()[:16])
		switch r.status {
		case 201:
			if refused > 0 {
				t.Fatalf("made-up device %d stored after a refusal", i)
			}
			minted++
			stored = append(stored, decodeCreated(t, r))
		case 429:
			expectProblem(t, r, 429, "too_many")
			refused++
		default:
			t.Fatalf("made-up device %d: %d %s", i, r.status, r.body)
		}
	}
	t.Logf("made-up devices: %d stored (the flood's own device was the first new one), then %d of %d refused", minted, refused, refused)
	if refused == 0 || minted >= 150 {
		t.Fatalf("%d pins from made-up devices stored, %d refused; want at most 149 (150 new devices an hour, one spent by the flood)", minted, refused)
	}
}

// Item 3. A street party on one Wi-Fi: 100 phones, 3 pins each, every pin
// in. Half the phones keep the signed token the server hands out, as the
// page does; the other half cannot store it (storage blocked) and send
// their own random id each time.
func TestContractStreetParty(t *testing.T) {
	base := target(t)
	wifi := newNetwork(t, base)
	var stored []created
	removeLater(t, base, &stored)
	in, signed := 0, 0
	for phone := 0; phone < 100; phone++ {
		dev := fmt.Sprintf("party-%s-%03d", uuid()[:12], phone)
		for n := 0; n < 3; n++ {
			c, r := wifi.post(t, base, pinJSON(uuid(), fmt.Sprintf(`,"note":"feest %d.%d"`, phone, n)), pins.DeviceHeader, dev)
			in++
			stored = append(stored, c)
			if issued := r.header.Get(pins.DeviceHeader); issued != "" {
				if !strings.HasPrefix(issued, dev+".") {
					t.Fatalf("issued token %q for %q", issued, dev)
				}
				signed++
				if phone%2 == 0 {
					dev = issued
				}
			}
		}
	}
	t.Logf("street party: %d of 300 pins from 100 phones on one address stored; %d answers carried a signed token", in, signed)
}

// Item 12. 300 wrong moderator tokens met 300 × 401. Now a network gets
// WrongTokensPerAddress (10) wrong tries an hour; then every moderator
// request from it is 429, the right token too, while a moderator elsewhere
// is not locked out.
func TestContractModeratorGuessing(t *testing.T) {
	clearOfTheHour(t, time.Minute)
	base := target(t)
	guesser := newNetwork(t, base)
	for i := 0; i < 10; i++ {
		r := guesser.do(t, "GET", base+"/api/moderation/queue", "", "Authorization", "Bearer guess-"+strconv.Itoa(i))
		expectProblem(t, r, 401, "not_moderator")
	}
	r := guesser.do(t, "GET", base+"/api/moderation/queue", "", "Authorization", "Bearer guess-10")
	expectProblem(t, r, 429, "too_many_tries")
	if wait, err := strconv.Atoi(r.header.Get("Retry-After")); err != nil || wait < 1 || wait > 3601 {
		t.Fatalf("Retry-After %q", r.header.Get("Retry-After"))
	}
	mod := []string{"Authorization", "Bearer " + moderatorToken()}
	expectProblem(t, guesser.do(t, "GET", base+"/api/moderation/queue", "", mod...), 429, "too_many_tries")
	if r := newNetwork(t, base).do(t, "GET", base+"/api/moderation/queue", "", mod...); r.status != 200 {
		t.Fatalf("the moderator, elsewhere: %d %s", r.status, r.body)
	}

	// Wrong delete tokens count too: the moderator token opens DELETE.
	c, _ := newNetwork(t, base).post(t, base, pinJSON(uuid(), `,"note":"niet van jou"`))
	stored := []created{c}
	removeLater(t, base, &stored)
	deleter := newNetwork(t, base)
	for i := 0; i < 10; i++ {
		expectProblem(t, deleter.do(t, "DELETE", base+"/api/pins/"+c.ID, "", "Authorization", "Bearer guess-"+strconv.Itoa(i)), 403, "wrong_token")
	}
	expectProblem(t, deleter.do(t, "DELETE", base+"/api/pins/"+c.ID, "", "Authorization", "Bearer guess-10"), 429, "too_many_tries")
}

func decodeCreated(t *testing.T, r response) created {
	t.Helper()
	var c created
	if err := json.Unmarshal(r.body, &c); err != nil {
		t.Fatal(err)
	}
	return c
}
