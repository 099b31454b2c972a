package maps

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/buurtkaart/buurtkaart/wasm/atlas"
)

// collection is a map file taken apart without parsing its features: the
// top-level members in their order and the features raw, each with its id.
// Writing it back keeps every member and feature byte for byte, one
// feature a line as the map files in geodata/ are written.
type collection struct {
	keys     []string
	members  map[string]json.RawMessage // every member but "features"
	features []json.RawMessage
	ids      []string // features[i]'s id, "" when it has none
}

var errNotCollection = errors.New("maps: not a GeoJSON FeatureCollection")

func splitCollection(data []byte) (*collection, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return nil, errNotCollection
	}
	c := &collection{members: map[string]json.RawMessage{}}
	seen := map[string]bool{}
	for dec.More() {
		t, err := dec.Token()
		key, ok := t.(string)
		if err != nil || !ok {
			return nil, errNotCollection
		}
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return nil, fmt.Errorf("maps: %q: %w", key, err)
		}
		if !seen[key] { // a repeated member keeps its first place, its last value (as encoding/json reads it)
			seen[key] = true
			c.keys = append(c.keys, key)
		}
		if key != "features" {
			c.members[key] = raw
			continue
		}
		if err := json.Unmarshal(raw, &c.features); err != nil {
			return nil, fmt.Errorf("maps: features: %w", err)
		}
		if c.features == nil {
			c.features = []json.RawMessage{}
		}
	}
	c.ids = make([]string, len(c.features))
	for i, f := range c.features {
		c.ids[i] = featureID(f)
	}
	return c, nil
}

func featureID(f json.RawMessage) string {
	var head struct {
		ID any `json:"id"`
	}
	_ = json.Unmarshal(f, &head)
	return atlas.FeatureID(head.ID)
}

// index returns the position of the feature with id, or -1.
func (c *collection) index(id string) int {
	for i, f := range c.ids {
		if f == id && id != "" {
			return i
		}
	}
	return -1
}

func (c *collection) insert(i int, id string, f json.RawMessage) {
	c.features = append(c.features[:i], append([]json.RawMessage{f}, c.features[i:]...)...)
	c.ids = append(c.ids[:i], append([]string{id}, c.ids[i:]...)...)
}

func (c *collection) remove(i int) {
	c.features = append(c.features[:i], c.features[i+1:]...)
	c.ids = append(c.ids[:i], c.ids[i+1:]...)
}

func (c *collection) bytes() []byte {
	var b bytes.Buffer
	b.WriteByte('{')
	hasFeatures := false
	for i, k := range c.keys {
		if i > 0 {
			b.WriteByte(',')
		}
		key, _ := json.Marshal(k)
		b.Write(key)
		b.WriteByte(':')
		if k != "features" {
			b.Write(c.members[k])
			continue
		}
		hasFeatures = true
		c.writeFeatures(&b)
	}
	if !hasFeatures {
		if len(c.keys) > 0 {
			b.WriteByte(',')
		}
		b.WriteString(`"features":`)
		c.writeFeatures(&b)
	}
	b.WriteByte('}')
	return b.Bytes()
}

func (c *collection) writeFeatures(b *bytes.Buffer) {
	b.WriteString("[\n")
	for i, f := range c.features {
		if i > 0 {
			b.WriteString(",\n")
		}
		b.Write(f)
	}
	b.WriteString("\n]")
}

// PutFeature returns the map file data with feature (a GeoJSON Feature
// with a string id) in it: in place of the feature with the same id, or
// added at the end. Every other byte of the file stays as it was.
func PutFeature(data []byte, feature []byte) ([]byte, error) {
	c, err := splitCollection(data)
	if err != nil {
		return nil, err
	}
	id := featureID(feature)
	if id == "" {
		return nil, errors.New("maps: a feature put into a map needs an id")
	}
	var compact bytes.Buffer
	if err := json.Compact(&compact, feature); err != nil {
		return nil, fmt.Errorf("maps: feature %s: %w", id, err)
	}
	if i := c.index(id); i >= 0 {
		c.features[i] = compact.Bytes()
	} else {
		c.insert(len(c.features), id, compact.Bytes())
	}
	return c.bytes(), nil
}

// HasFeature reports whether the map file data holds a feature with id.
func HasFeature(data []byte, id string) bool {
	c, err := splitCollection(data)
	return err == nil && c.index(id) >= 0
}
