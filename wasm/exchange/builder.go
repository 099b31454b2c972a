package exchange

import (
	"fmt"
	"strings"

	"github.com/buurtkaart/buurtkaart/wasm/atlas"
	"github.com/buurtkaart/buurtkaart/wasm/kind"
)

// builder collects what an importer reads into a map, numbering features
// in order and remembering where in the source each came from.
type builder struct {
	m      *atlas.Map
	opts   ImportOptions
	notes  []Note
	origin []string // per built feature: where it was in the source
	// furnished counts points of street furniture left out, by tag, so a
	// street export's 80 traffic signals make one note, not 80.
	furnished map[string]int
	furnTags  []string // their tags, in the order first seen
}

// furniture counts one point left out for being street furniture.
func (b *builder) furniture(tag string) {
	if b.furnished == nil {
		b.furnished = map[string]int{}
	}
	if b.furnished[tag] == 0 {
		b.furnTags = append(b.furnTags, tag)
	}
	b.furnished[tag]++
}

// furnitureNotes says, one line a tag, which furniture was left out.
func (b *builder) furnitureNotes() {
	for _, tag := range b.furnTags {
		b.note(atlas.Warning, "", fmt.Sprintf("%d points tagged %s left out: street furniture, not a place", b.furnished[tag], tag),
			`set "kind" on one to make it a place`)
	}
}

func (b *builder) note(sev atlas.Severity, where, msg, hint string) {
	b.notes = append(b.notes, Note{Where: where, Severity: sev, Message: msg, Hint: hint})
}

// place adds p. A place without a name or kind is still added, with a
// name or the default kind and a warning: why says why there is no kind
// ("" for "no kind"), hint how to set it in the source format.
func (b *builder) place(where string, p atlas.Place, why, hint string) {
	p.Name = strings.TrimSpace(p.Name)
	if p.Name == "" {
		p.Name = string(b.opts.Kind)
		if p.Kind != "" {
			p.Name = string(p.Kind)
		}
		b.note(atlas.Warning, where, fmt.Sprintf("has no name; called %q", p.Name), "give it a name the map can show")
	}
	switch {
	case p.Kind == "":
		p.Kind = b.opts.Kind
		b.note(atlas.Warning, where, fmt.Sprintf("%s; made it a %s", firstNonEmpty(why, "no kind"), p.Kind), hint)
	case !p.Kind.Valid():
		said := p.Kind
		p.Kind = b.opts.Kind
		b.note(atlas.Warning, where, fmt.Sprintf("unknown kind %q; made it a %s", said, p.Kind),
			fmt.Sprintf("did you mean %q? kinds are talent, verband, plek, verhaal and partner", kind.Nearest(string(said))))
	}
	p.Feature = len(b.origin)
	b.origin = append(b.origin, where)
	b.m.Places = append(b.m.Places, p)
}

func (b *builder) shape(where string, s atlas.Shape) {
	s.Feature = len(b.origin)
	b.origin = append(b.origin, where)
	b.m.Shapes = append(b.m.Shapes, s)
}

// where names a feature of the source: `feature 12 "Snackbar"`.
func where(what string, i int, name string) string {
	s := fmt.Sprintf("%s %d", what, i)
	if name = strings.TrimSpace(name); name != "" {
		s += fmt.Sprintf(" %q", name)
	}
	return s
}

// kindOf reads a kind the way atlas does, plus the Dutch plurals a layer
// or folder is often named by ("Talenten", "Plekken").
func kindOf(s string) (kind.Kind, bool) {
	if k, ok := kind.Parse(s); ok {
		return k, true
	}
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "talenten":
		return kind.Talent, true
	case "verbanden", "clubs", "groepen":
		return kind.Verband, true
	case "plekken", "plaatsen", "places":
		return kind.Plek, true
	case "verhalen", "stories":
		return kind.Verhaal, true
	case "partners", "organisaties":
		return kind.Partner, true
	}
	return "", false
}

// layerOf reads a drawing layer from a word, Dutch or English, singular or
// plural ("Straten", "buildings").
func layerOf(s string) (atlas.Layer, bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "straat", "straten", "street", "streets", "weg", "wegen", "road", "roads":
		return atlas.Straat, true
	case "water":
		return atlas.Water, true
	case "groen", "green", "park", "parken", "parks":
		return atlas.Groen, true
	case "gebouw", "gebouwen", "building", "buildings":
		return atlas.Gebouw, true
	case "route", "routes", "wandeling", "wandelingen", "walk", "walks", "track", "tracks":
		return atlas.Route, true
	}
	return "", false
}
