//go:build !js

package pins_test

import (
	"testing"

	"github.com/buurtkaart/buurtkaart/wasm/pins"
)

// Item 5. Another site's fetch(…, {mode: "no-cors", headers: {"Content-Type":
// "text/plain"}}) created pins and reports. Now a write must be JSON and,
// when the browser says where it comes from, come from the map's own origin.
// Scripts (curl, Go, Node) send no Origin and keep working.
func TestContractCrossSiteWrites(t *testing.T) {
	base := target(t)
	c := post(t, base, pinJSON(uuid(), `,"note":"doelwit"`))
	evil := []string{"Origin", "https://evil.example", "Sec-Fetch-Site", "cross-site"}
	tests := []struct {
		name    string
		method  string
		path    string // after base; "" is /api/pins
		body    string
		headers []string
		status  int
		code    string
	}{
		{"no-cors pin as text/plain", "POST", "", pinJSON(uuid(), ""), append([]string{"Content-Type", "text/plain;charset=UTF-8"}, evil...), 403, "cross_site"},
		{"pin from another origin, even as JSON", "POST", "", pinJSON(uuid(), ""), []string{"Origin", "https://evil.example"}, 403, "cross_site"},
		{"pin marked cross-site", "POST", "", pinJSON(uuid(), ""), []string{"Sec-Fetch-Site", "cross-site"}, 403, "cross_site"},
		{"pin from a sister subdomain", "POST", "", pinJSON(uuid(), ""), []string{"Sec-Fetch-Site", "same-site"}, 403, "cross_site"},
		{"pin from a sandboxed frame", "POST", "", pinJSON(uuid(), ""), []string{"Origin", "null"}, 403, "cross_site"},
		{"pin as text/plain from a script", "POST", "", pinJSON(uuid(), ""), []string{"Content-Type", "text/plain"}, 415, "not_json"},
		{"pin as a form", "POST", "", pinJSON(uuid(), ""), []string{"Content-Type", "application/x-www-form-urlencoded"}, 415, "not_json"},
		{"pin without a type", "POST", "", pinJSON(uuid(), ""), []string{"Content-Type", ""}, 415, "not_json"},
		{"no-cors report", "POST", "/" + c.ID + "/report", `{"reason":"kwetsend"}`, append([]string{"Content-Type", "text/plain"}, evil...), 403, "cross_site"},
		{"empty report as text/plain", "POST", "/" + c.ID + "/report", "", []string{"Content-Type", "text/plain"}, 415, "not_json"},
		{"delete from another origin", "DELETE", "/" + c.ID, "", []string{"Authorization", "Bearer " + c.DeleteToken, "Origin", "https://evil.example"}, 403, "cross_site"},
		{"delete without type or token", "DELETE", "/" + c.ID, "", []string{"Content-Type", ""}, 415, "not_json"},
		{"moderator from another origin", "POST", "/" + c.ID + "/hide", "", []string{"Authorization", "Bearer " + moderatorToken(), "Origin", "https://evil.example"}, 403, "cross_site"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			expectProblem(t, do(t, tt.method, base+"/api/pins"+tt.path, tt.body, tt.headers...), tt.status, tt.code)
		})
	}
	if r := do(t, "GET", base+"/api/pins/"+c.ID, ""); r.status != 200 {
		t.Fatalf("the pin was changed by a refused request: %d %s", r.status, r.body)
	}
	if inQueue(t, base, c.ID) {
		t.Fatal("a refused report reached the queue")
	}

	// What must keep working: the page (same origin, as browsers mark it),
	// scripts without Origin, the moderator's curl without a body or type,
	// and a DELETE that carries its token.
	page := []string{"Origin", base, "Sec-Fetch-Site", "same-origin"}
	mine := post(t, base, pinJSON(uuid(), `,"note":"van de pagina"`), page...)
	if r := do(t, "POST", base+"/api/pins/"+mine.ID+"/report", `{"reason":"onjuist"}`, page...); r.status != 202 {
		t.Fatalf("report from the page: %d %s", r.status, r.body)
	}
	if r := do(t, "POST", base+"/api/pins/"+mine.ID+"/approve", "", "Content-Type", "", pins.DeviceHeader, "", "Authorization", "Bearer "+moderatorToken()); r.status != 200 {
		t.Fatalf("moderator's curl without a type: %d %s", r.status, r.body)
	}
	if r := do(t, "DELETE", base+"/api/pins/"+mine.ID, "", append(page, "Content-Type", "", "Authorization", "Bearer "+mine.DeleteToken)...); r.status != 204 {
		t.Fatalf("delete from the page: %d %s", r.status, r.body)
	}
	if r := do(t, "DELETE", base+"/api/pins/"+c.ID, "", "Content-Type", "", "Authorization", "Bearer "+c.DeleteToken); r.status != 204 {
		t.Fatalf("delete from a script: %d %s", r.status, r.body)
	}
}
