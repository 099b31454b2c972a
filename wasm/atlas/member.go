package atlas

import (
	"encoding/json"
	"errors"
	"strconv"
	"strings"

	"github.com/buurtkaart/buurtkaart/wasm/internal/rawjson"
)

// metadata reads the map's top-level members. What it does not know stays
// in Map.Extra, so Write can give it back.
func (p *parser) metadata(top map[string]json.RawMessage) *Map {
	m := &Map{}
	var title, name string
	var bbox []float64
	p.member(top, "title", text(&title))
	if title == "" {
		// uMap and QGIS put the title in "name"; next to a "title" it is
		// something else, and kept.
		p.member(top, "name", text(&name))
	}
	p.member(top, "buurt", text(&m.Buurt))
	p.member(top, "cbs", texts(&m.CBS))
	p.member(top, "language", text(&m.Language))
	p.member(top, "attribution", text(&m.Attribution))
	p.member(top, "moderation", text(&m.Moderation))
	hasBBox := p.member(top, "bbox", numbers(&bbox))
	m.Title = firstNonEmpty(title, name, m.Buurt)
	m.Language = firstNonEmpty(m.Language, "nl")
	m.Moderation = firstNonEmpty(m.Moderation, "post")
	if hasBBox {
		p.bounds(m, bbox)
	}
	if len(top) > 0 {
		m.Extra = top
	}
	return m
}

// member decodes the member key of obj with dst and removes it from obj.
// A member of the wrong type is reported as a warning and ignored: one odd
// title must not blank the map. It reports whether dst was set.
func (p *parser) member(obj map[string]json.RawMessage, key string, dst decoder) bool {
	raw := take(obj, key)
	if raw == nil || string(raw) == "null" {
		return false
	}
	if err := decode(raw, dst); err != nil {
		p.report(Warning, -1, "", "", strconv.Quote(key)+" "+typeProblem(err), "it is ignored")
		return false
	}
	return true
}

// take removes and returns the member key of obj. Like encoding/json it
// falls back to a case-insensitive match ("Name"), the first in sort order
// when there are several, so the choice does not depend on map order.
func take(obj map[string]json.RawMessage, key string) json.RawMessage {
	if v, ok := obj[key]; ok {
		delete(obj, key)
		return v
	}
	found := ""
	for k := range obj {
		if strings.EqualFold(k, key) && (found == "" || k < found) {
			found = k
		}
	}
	if found == "" {
		return nil
	}
	v := obj[found]
	delete(obj, found)
	return v
}

// typeProblem says in words what type a JSON value should have had.
func typeProblem(err error) string {
	var te *rawjson.TypeError
	if !errors.As(err, &te) {
		return "is not valid: " + strings.TrimPrefix(err.Error(), "json: ")
	}
	want := "text"
	switch te.Type {
	case "[]string":
		want = "a list of text"
	case "[]float64":
		want = "a list of numbers"
	case "float64":
		want = "a number"
	}
	return "should be " + want + ", not a JSON " + te.Value
}
