package exchange

import (
	"encoding/json"
	"fmt"

	"github.com/buurtkaart/buurtkaart/wasm/atlas"
)

// Merge makes one map of several — the streets from an Overpass export,
// the places from a spreadsheet, a walk from a GPS — in the order given:
// features keep their order, file after file; the map's members (title,
// buurt, …) are the first map's that has them; the bounds hold them all.
// A feature whose id an earlier map already has (the same OSM way in two
// overlapping exports) is left out, with a note.
func Merge(maps ...*atlas.Map) (*atlas.Map, []Note) {
	out := &atlas.Map{}
	var notes []Note
	seen := map[string]bool{}
	dup := func(i int, id, name string) bool {
		if id == "" {
			return false
		}
		if seen[id] {
			notes = append(notes, Note{Where: where("file", i+1, name), Severity: atlas.Warning,
				Message: fmt.Sprintf("id %q is in an earlier file too; left out", id)})
			return true
		}
		seen[id] = true
		return false
	}
	next := 0 // feature index in the merged map
	for i, m := range maps {
		metadata(out, m)
		last := -1
		for _, p := range m.Places {
			if !dup(i, p.ID, p.Name) {
				p.Feature += next
				out.Places = append(out.Places, p)
			}
			last = max(last, p.Feature)
		}
		for _, s := range m.Shapes {
			if !dup(i, s.ID, s.Name) {
				s.Feature += next
				out.Shapes = append(out.Shapes, s)
			}
			last = max(last, s.Feature)
		}
		next += last + 1
		out.Bounds = union(out.Bounds, m.Bounds)
	}
	return out, notes
}

// metadata fills out's empty members from m's.
func metadata(out, m *atlas.Map) {
	out.Title = firstNonEmpty(out.Title, m.Title)
	out.Buurt = firstNonEmpty(out.Buurt, m.Buurt)
	out.Language = firstNonEmpty(out.Language, m.Language)
	out.Attribution = firstNonEmpty(out.Attribution, m.Attribution)
	out.Moderation = firstNonEmpty(out.Moderation, m.Moderation)
	if out.CBS == nil {
		out.CBS = m.CBS
	}
	for k, v := range m.Extra {
		if _, ok := out.Extra[k]; !ok {
			if out.Extra == nil {
				out.Extra = map[string]json.RawMessage{}
			}
			out.Extra[k] = v
		}
	}
}

func union(a, b atlas.BBox) atlas.BBox {
	switch {
	case a.Empty():
		return b
	case b.Empty():
		return a
	}
	return atlas.BBox{W: min(a.W, b.W), S: min(a.S, b.S), E: max(a.E, b.E), N: max(a.N, b.N)}
}
