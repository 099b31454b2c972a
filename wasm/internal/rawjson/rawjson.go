// Package rawjson reads JSON without reflection, for the browser's wasm:
// encoding/json's decoder and encoder, with the reflect and fmt code they
// keep alive, weighed ~100 KB brotli of the map's wasm (issue 17, measured
// by building with and without). A library did not fit: tidwall/gjson
// imports encoding/json itself (+266 KB brotli over strconv alone) and
// neither checks JSON nor says where it is broken.
//
// It answers what json.Unmarshal answers for the few shapes the core reads
// — the same values, the same syntax errors at the same offsets (Check is
// encoding/json's own scanner), the same type errors ("cannot unmarshal
// number into Go struct field rawFeature.type of type string") — so the map
// file's diagnostics and the pin API's refusals did not change. Like
// encoding/json it goes on after a type error, filling what it can, and
// reports the first. Differential tests hold it to encoding/json.
//
// The values given to a Decoder are parts of a document Check accepted.
package rawjson

import (
	"strconv"
	"strings"
)

// TypeError is json.UnmarshalTypeError without reflect: Type is the Go
// type as reflect prints it ("[]float64", "atlas.rawGeometry").
type TypeError struct {
	Value  string // "string", "number", "number 1e999", "bool", "array", "object"
	Type   string
	Offset int64 // set only where a caller needs it (the top level of a map file)
	Struct string
	Field  string // the path of JSON names, "geometry.type"
}

func (e *TypeError) Error() string {
	if e.Struct != "" || e.Field != "" {
		return "json: cannot unmarshal " + e.Value + " into Go struct field " + e.Struct + "." + e.Field + " of type " + e.Type
	}
	return "json: cannot unmarshal " + e.Value + " into Go value of type " + e.Type
}

// UnknownField is the error of a member no field takes, when the decoder
// refuses them (as json.Decoder.DisallowUnknownFields).
type UnknownField string

func (k UnknownField) Error() string { return "json: unknown field " + strconv.Quote(string(k)) }

// Decoder decodes the values of one document, keeping the first error.
type Decoder struct {
	err    error
	strct  string   // the struct being decoded, for type errors
	fields []string // the JSON names down to the value being decoded
}

// Err is the first error met, or nil.
func (d *Decoder) Err() error { return d.err }

// Fail records a type error: value is the JSON kind found (Kind), typ the
// Go type it could not go into. Only the first error is kept.
func (d *Decoder) Fail(value, typ string) {
	if d.err != nil {
		return
	}
	e := &TypeError{Value: value, Type: typ}
	if len(d.fields) > 0 {
		e.Struct, e.Field = d.strct, strings.Join(d.fields, ".")
	}
	d.err = e
}

// Unknown records a member no field takes.
func (d *Decoder) Unknown(key string) {
	if d.err == nil {
		d.err = UnknownField(key)
	}
}

// Field decodes the field name of the struct strct with f, so that type
// errors name it as encoding/json does (Struct and Field).
func (d *Decoder) Field(strct, name string, f func()) {
	s, n := d.strct, len(d.fields)
	d.strct, d.fields = strct, append(d.fields, name)
	f()
	d.strct, d.fields = s, d.fields[:n]
}

// Kind names the JSON kind of v as type errors do: "object", "array",
// "string", "number", "bool" or "null".
func Kind(v []byte) string {
	switch v[0] {
	case '{':
		return "object"
	case '[':
		return "array"
	case '"':
		return "string"
	case 't', 'f':
		return "bool"
	case 'n':
		return "null"
	}
	return "number"
}

// Null reports whether v is null.
func Null(v []byte) bool { return len(v) > 0 && v[0] == 'n' }

// String decodes v into *s: null leaves it; another kind is a type error.
func (d *Decoder) String(v []byte, s *string) { d.Text(v, s, "string") }

// Text is String into a string type named typ (pin.Status).
func (d *Decoder) Text(v []byte, s *string, typ string) {
	switch v[0] {
	case '"':
		*s = Unquote(v)
	case 'n':
	default:
		d.Fail(Kind(v), typ)
	}
}

// Float decodes v into *f: null leaves it; another kind, or a number
// beyond float64, is a type error.
func (d *Decoder) Float(v []byte, f *float64) {
	switch k := Kind(v); k {
	case "number":
		n, err := strconv.ParseFloat(string(v), 64)
		if err != nil {
			d.Fail("number "+string(v), "float64")
			return
		}
		*f = n
	case "null":
	default:
		d.Fail(k, "float64")
	}
}

// Bool decodes v into *b: null leaves it; another kind is a type error.
func (d *Decoder) Bool(v []byte, b *bool) {
	switch v[0] {
	case 't', 'f':
		*b = v[0] == 't'
	case 'n':
	default:
		d.Fail(Kind(v), "bool")
	}
}

// Any decodes v as into an `any`: a string, a float64, a bool, or nil for
// null. Objects and arrays come back as nil too (the core reads none), but
// their numbers are checked as encoding/json converts them.
func (d *Decoder) Any(v []byte) any {
	switch v[0] {
	case '"':
		return Unquote(v)
	case 't', 'f':
		return v[0] == 't'
	case 'n':
		return nil
	case '{':
		Members(v, func(_ string, m []byte) { d.Any(m) })
		return nil
	case '[':
		Elems(v, func(e []byte) { d.Any(e) })
		return nil
	}
	n, err := strconv.ParseFloat(string(v), 64)
	if err != nil {
		d.Fail("number "+string(v), "float64")
		return nil
	}
	return n
}

// Slice decodes the array v into *s with elem, as encoding/json decodes
// into a slice of type typ: null makes it nil, [] empty but not nil,
// elements already there are decoded into; another kind is a type error
// that leaves *s.
func Slice[T any](d *Decoder, v []byte, s *[]T, typ string, elem func(*Decoder, []byte, *T)) {
	switch v[0] {
	case 'n':
		*s = nil
		return
	case '[':
	default:
		d.Fail(Kind(v), typ)
		return
	}
	out, i := *s, 0
	Elems(v, func(e []byte) {
		if i >= len(out) {
			var zero T
			out = append(out, zero)
		}
		elem(d, e, &out[i])
		i++
	})
	if i == 0 {
		out = make([]T, 0)
	}
	*s = out[:i]
}

// Object calls member for each member of the object v, in order, and
// reports whether v is an object. null is not, without error; another kind
// is a type error for typ.
func (d *Decoder) Object(v []byte, typ string, member func(key string, v []byte)) bool {
	switch v[0] {
	case '{':
		Members(v, member)
		return true
	case 'n':
	default:
		d.Fail(Kind(v), typ)
	}
	return false
}

// Match returns the index of the field a key sets, as encoding/json
// matches it: the exact name, else one equal under Unicode case folding;
// -1 for none.
func Match(key string, names ...string) int {
	for i, n := range names {
		if n == key {
			return i
		}
	}
	folded := string(foldName([]byte(key)))
	for i, n := range names {
		if string(foldName([]byte(n))) == folded {
			return i
		}
	}
	return -1
}

// Unquote gives the text of the JSON string v, as encoding/json does.
func Unquote(v []byte) string {
	s, _ := unquoteBytes(v)
	return string(s)
}

// Members calls f for each member of the object v, in order.
func Members(v []byte, f func(key string, v []byte)) {
	i := skipSpace(v, 1)
	for v[i] != '}' {
		k := end(v, i)
		key := Unquote(v[i:k])
		i = skipSpace(v, skipSpace(v, k)+1) // past ':'
		e := end(v, i)
		f(key, v[i:e])
		i = skipSpace(v, e)
		if v[i] == ',' {
			i = skipSpace(v, i+1)
		}
	}
}

// Elems calls f for each element of the array v, in order.
func Elems(v []byte, f func(v []byte)) {
	i := skipSpace(v, 1)
	for v[i] != ']' {
		e := end(v, i)
		f(v[i:e])
		i = skipSpace(v, e)
		if v[i] == ',' {
			i = skipSpace(v, i+1)
		}
	}
}

// Trim returns the value data holds without the space around it.
func Trim(data []byte) []byte {
	i := skipSpace(data, 0)
	j := len(data)
	for j > i && isSpace(data[j-1]) {
		j--
	}
	return data[i:j]
}

func skipSpace(data []byte, i int) int {
	for i < len(data) && isSpace(data[i]) {
		i++
	}
	return i
}

// end returns the index just past the checked value starting at data[i].
func end(data []byte, i int) int {
	switch data[i] {
	case '"':
		for i++; ; i++ {
			switch data[i] {
			case '\\':
				i++
			case '"':
				return i + 1
			}
		}
	case '{', '[':
		depth := 0
		for ; ; i++ {
			switch data[i] {
			case '"':
				i = end(data, i) - 1
			case '{', '[':
				depth++
			case '}', ']':
				if depth--; depth == 0 {
					return i + 1
				}
			}
		}
	}
	for i < len(data) && !isSpace(data[i]) && data[i] != ',' && data[i] != '}' && data[i] != ']' {
		i++
	}
	return i
}
