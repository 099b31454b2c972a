package pin

import (
	"errors"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/buurtkaart/buurtkaart/wasm/atlas"
	"github.com/buurtkaart/buurtkaart/wasm/internal/rawjson"
	"github.com/buurtkaart/buurtkaart/wasm/kind"
)

// MaxBody is the largest request body accepted, 16 KiB: a note of 1,000
// characters in any script fits many times over.
const MaxBody = 16 << 10

// Longest texts, in characters.
const (
	MaxName   = 120
	MaxNote   = 1000
	MaxAuthor = 60
)

// input is what a client may send. Pointers tell "missing" from zero; the
// decoder refuses any other field, so server-owned ones (created) cannot be set.
type input struct {
	ID     *string  `json:"id"`
	Lon    *float64 `json:"lon"`
	Lat    *float64 `json:"lat"`
	Kind   *string  `json:"kind"`
	Name   *string  `json:"name"`
	Note   *string  `json:"note"`
	Author *string  `json:"author"`
	// ShowAuthor is the author's consent to show their name with the pin.
	ShowAuthor bool `json:"show_author"`
}

// Rules are what Decode checks beyond the pin's own shape; the zero value
// checks only that coordinates are real degrees.
type Rules struct {
	// Bounds, when not empty, is the map's area: pins outside it are refused.
	Bounds atlas.BBox
	// Premoderate holds every new pin for a moderator (the map's "pre"
	// mode); default false: residents are trusted and pins show at once.
	Premoderate bool
}

// isUUID reports whether s is a lowercase UUID (8-4-4-4-12 hex digits).
// Written out rather than as a regexp: regexp adds ~100 KB to the wasm.
func isUUID(s string) bool {
	if len(s) != 36 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch i {
		case 8, 13, 18, 23:
			if c != '-' {
				return false
			}
		default:
			if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f') {
				return false
			}
		}
	}
	return true
}

// Decode reads and checks a pin sent by a client. now stamps Created.
func Decode(body []byte, rules Rules, now time.Time) (Pin, *Problem) {
	if len(body) > MaxBody {
		return Pin{}, problem(statusTooLarge, "too_large",
			"Dit bericht is te groot.", "This request is too large.")
	}
	// As a json.Decoder with DisallowUnknownFields reads the first value,
	// then its Token must find io.EOF (wasm/internal/rawjson: no reflection
	// in the browser's wasm).
	value, rest, err := rawjson.First(body)
	if err != nil {
		return Pin{}, jsonProblem(err)
	}
	in, err := decodeInput(value)
	if err != nil {
		return Pin{}, jsonProblem(err)
	}
	if !rawjson.Blank(rest) {
		return Pin{}, problem(statusBadRequest, "invalid_json",
			"Er staat iets achter de pin dat er niet hoort.", "There is trailing data after the pin.")
	}
	return in.check(rules, now)
}

func jsonProblem(err error) *Problem {
	msg := err.Error()
	if f, ok := strings.CutPrefix(msg, "json: unknown field "); ok {
		return problem(statusBadRequest, "unknown_field",
			"Het veld "+f+" kennen we niet.", "Unknown field "+f+".")
	}
	var te *rawjson.TypeError
	if errors.As(err, &te) {
		return problem(statusBadRequest, "invalid_json",
			"Het veld "+strconv.Quote(te.Field)+" heeft de verkeerde vorm.",
			"Field "+strconv.Quote(te.Field)+" has the wrong type.")
	}
	return problem(statusBadRequest, "invalid_json",
		"Dit is geen geldige pin (JSON klopt niet).", "This is not a valid pin (invalid JSON).")
}

// decodeInput reads a pin's JSON value as json.Decoder with
// DisallowUnknownFields decodes it into an input.
func decodeInput(v []byte) (input, error) {
	var in input
	var d rawjson.Decoder
	text := func(p **string) func([]byte) {
		return func(v []byte) { *p = pointer(&d, v, *p, (*rawjson.Decoder).String) }
	}
	number := func(p **float64) func([]byte) {
		return func(v []byte) { *p = pointer(&d, v, *p, (*rawjson.Decoder).Float) }
	}
	fields := []func([]byte){text(&in.ID), number(&in.Lon), number(&in.Lat), text(&in.Kind),
		text(&in.Name), text(&in.Note), text(&in.Author), func(v []byte) { d.Bool(v, &in.ShowAuthor) }}
	names := []string{"id", "lon", "lat", "kind", "name", "note", "author", "show_author"}
	d.Object(v, "pin.input", func(k string, v []byte) {
		i := rawjson.Match(k, names...)
		if i < 0 {
			d.Unknown(k)
			return
		}
		d.Field("input", names[i], func() { fields[i](v) })
	})
	return in, d.Err()
}

// pointer decodes v into the *T p as encoding/json does: null is nil,
// anything else is decoded into p, allocated when nil.
func pointer[T any](d *rawjson.Decoder, v []byte, p *T, decode func(*rawjson.Decoder, []byte, *T)) *T {
	if rawjson.Null(v) {
		return nil
	}
	if p == nil {
		p = new(T)
	}
	decode(d, v, p)
	return p
}

// stamp writes t as time.RFC3339 does in UTC (whole seconds, "Z"), through
// MarshalText: time's layout engine (Format, Parse) stays out of the
// browser's wasm.
func stamp(t time.Time) string {
	b, err := t.UTC().Truncate(time.Second).MarshalText()
	if err != nil { // a year outside 0…9999
		return ""
	}
	return string(b)
}

func (in input) check(rules Rules, now time.Time) (Pin, *Problem) {
	if in.ID == nil || !isUUID(*in.ID) {
		return Pin{}, problem(statusUnprocessable, "invalid_id",
			"De pin mist een geldige id (een UUID, kleine letters).", "The pin needs a valid id (a lowercase UUID).")
	}
	if in.Lon == nil || in.Lat == nil {
		return Pin{}, problem(statusUnprocessable, "missing_position",
			"Waar is het? De pin mist een plek op de kaart.", "Where is it? The pin has no position.")
	}
	p := Pin{ID: *in.ID, Lon: *in.Lon, Lat: *in.Lat, Created: stamp(now)}
	if pr := checkPosition(p.At(), rules.Bounds); pr != nil {
		return Pin{}, pr
	}
	if in.Kind == nil || !kind.Kind(*in.Kind).Valid() {
		return Pin{}, problem(statusUnprocessable, "invalid_kind",
			"Kies wat voor pin het is: talent, verband, plek, verhaal of partner.",
			"Choose the kind of pin: talent, verband, plek, verhaal or partner.")
	}
	p.Kind = kind.Kind(*in.Kind)
	p.Name, p.Note, p.Author = text(in.Name), text(in.Note), text(in.Author)
	for _, f := range []struct {
		s      string
		max    int
		nl, en string
	}{{p.Name, MaxName, "naam", "name"}, {p.Note, MaxNote, "notitie", "note"}, {p.Author, MaxAuthor, "jouw naam", "your name"}} {
		if pr := checkText(f.s, f.max, f.nl, f.en); pr != nil {
			return Pin{}, pr
		}
	}
	p.ShowAuthor = in.ShowAuthor && p.Author != ""
	p.Status = Visible
	if rules.Premoderate || HasLink(p.Name) || HasLink(p.Note) || HasLink(p.Author) {
		p.Status = Pending
	}
	return Coarsen(p), nil
}

func text(s *string) string {
	if s == nil {
		return ""
	}
	return strings.TrimSpace(*s)
}

func checkPosition(at atlas.Point, bounds atlas.BBox) *Problem {
	if math.IsNaN(at.Lon) || math.IsNaN(at.Lat) || math.IsInf(at.Lon, 0) || math.IsInf(at.Lat, 0) ||
		at.Lon < -180 || at.Lon > 180 || at.Lat < -90 || at.Lat > 90 {
		return problem(statusUnprocessable, "invalid_position",
			"Deze plek bestaat niet op de kaart (lengte- en breedtegraad kloppen niet).",
			"This position is not on Earth (longitude and latitude are out of range).")
	}
	if bounds.Empty() || bounds.Contains(at) {
		return nil
	}
	if bounds.Contains(atlas.Point{Lon: at.Lat, Lat: at.Lon}) {
		return problem(statusUnprocessable, "swapped_position",
			"Lengte- en breedtegraad zijn omgewisseld: eerst lon, dan lat.",
			"Longitude and latitude are swapped: lon first, then lat.")
	}
	return problem(statusUnprocessable, "outside_map",
		"Deze plek ligt buiten de buurt van deze kaart.", "This spot is outside the buurt of this map.")
}

// checkText refuses control characters (other than newline and tab, which a
// note may hold), characters that hide or reverse text (see invisible) and
// text longer than max characters.
// field names the text in messages, in Dutch and English.
func checkText(s string, max int, nl, en string) *Problem {
	if !utf8.ValidString(s) {
		return problem(statusUnprocessable, "invalid_text",
			"De "+nl+" bevat ongeldige tekens.", "The "+en+" has invalid characters.")
	}
	if n := utf8.RuneCountInString(s); n > max {
		return problem(statusUnprocessable, "too_long",
			"De "+nl+" is te lang: "+strconv.Itoa(n)+" tekens, hooguit "+strconv.Itoa(max)+".",
			"The "+en+" is too long: "+strconv.Itoa(n)+" characters, at most "+strconv.Itoa(max)+".")
	}
	for _, r := range s {
		if r != '\n' && r != '\t' && (unicode.IsControl(r) || r == '\u2028' || r == '\u2029') {
			return problem(statusUnprocessable, "control_character",
				"De "+nl+" bevat onzichtbare stuurtekens; haal ze weg.",
				"The "+en+" holds control characters; remove them.")
		}
	}
	if r := invisible(s); r >= 0 {
		return invisibleProblem(r, nl, en)
	}
	return nil
}

// Clash is the problem when an id is reused for different content.
var Clash = problem(statusConflict, "id_in_use",
	"Deze id hoort al bij een andere pin.", "This id already belongs to a different pin.")
