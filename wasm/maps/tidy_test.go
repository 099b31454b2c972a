package maps

import (
	"strings"
	"testing"
)

// A save is kept as atlas.Write writes it, one feature per line, whatever
// layout the keeper's tool sent.
func TestSaveIsTidy(t *testing.T) {
	line := `{"type":"FeatureCollection","title":"Transvaal","features":[{"type":"Feature","id":"p1","geometry":{"type":"Point","coordinates":[4.30001234567,52.06]},"properties":{"kind":"plek","name":"Bankje"}},{"type":"Feature","id":"p2","geometry":{"type":"Point","coordinates":[4.31,52.07]},"properties":{"name":"Markt","kind":"plek"}}]}`
	got := string(tidy([]byte(line)))
	if strings.Count(got, "\n") < 3 || !strings.Contains(got, `[4.300012,52.06]`) || !strings.Contains(got, `"name":"Markt","kind":"plek"`) {
		t.Errorf("tidy = %s", got)
	}
	if string(tidy([]byte("{"))) != "{" {
		t.Error("tidy changed what it cannot read")
	}
}
