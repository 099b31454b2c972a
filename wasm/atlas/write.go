package atlas

import (
	"bufio"
	"io"
	"math"
	"strconv"
)

// WriteOptions tunes Write; nil means defaults.
type WriteOptions struct {
	// Precision is the number of decimals of a coordinate, at most 6;
	// default 6, about 10 cm — RFC 7946 says more only adds bytes.
	Precision int
}

func (o *WriteOptions) withDefaults() WriteOptions {
	var v WriteOptions
	if o != nil {
		v = *o
	}
	if v.Precision <= 0 || v.Precision > 6 {
		v.Precision = 6
	}
	return v
}

// Write writes m as a strict RFC 7946 map file: exterior rings
// counter-clockwise and holes clockwise, coordinates rounded, members in a
// fixed order with extra ones sorted, and one feature per line so that a
// diff of two versions shows which places changed. Parse reads it back to
// the same Map, up to that rounding and winding.
func Write(w io.Writer, m *Map, opts *WriteOptions) error {
	o := opts.withDefaults()
	e := &encoder{w: bufio.NewWriter(w), scale: math.Pow10(o.Precision)}
	e.header(m)
	places, shapes := m.Places, m.Shapes
	for n := 0; len(places)+len(shapes) > 0; n++ {
		if n > 0 {
			e.raw(",\n")
		} else {
			e.raw("\n")
		}
		// Features keep the order of the file they came from: a place and
		// the street it is on stay where the author put them.
		if len(shapes) > 0 && (len(places) == 0 || shapes[0].Feature <= places[0].Feature) {
			e.shape(shapes[0])
			shapes = shapes[1:]
		} else {
			e.place(places[0])
			places = places[1:]
		}
	}
	e.raw("\n]}\n")
	if e.err != nil {
		return e.err
	}
	return e.w.Flush()
}

// encoder writes JSON by hand: encoding/json cannot order members, and
// the browser wasm imports atlas, so no other library.
type encoder struct {
	w     *bufio.Writer
	scale float64
	err   error
	buf   []byte
	comma bool // whether the next member needs a comma before it
}

func (e *encoder) raw(s string) {
	if e.err == nil {
		_, e.err = e.w.WriteString(s)
	}
}

func (e *encoder) bytes(b []byte) {
	if e.err == nil {
		_, e.err = e.w.Write(b)
	}
}

// open starts an object; key then writes each member's name.
func (e *encoder) open() { e.raw("{"); e.comma = false }

func (e *encoder) key(k string) {
	if e.comma {
		e.raw(",")
	}
	e.comma = true
	e.str(k)
	e.raw(":")
}

func (e *encoder) close() { e.raw("}"); e.comma = true }

func (e *encoder) str(s string) {
	e.buf = appendString(e.buf[:0], s)
	e.bytes(e.buf)
}

func (e *encoder) strings(list []string) {
	e.raw("[")
	for i, s := range list {
		if i > 0 {
			e.raw(",")
		}
		e.str(s)
	}
	e.raw("]")
}

// num writes v rounded to the precision, the shortest way that reads back
// the same ("4.3", not "4.300000").
func (e *encoder) num(v float64) {
	v = math.Round(v*e.scale) / e.scale
	if v == 0 {
		v = 0 // no "-0"
	}
	e.buf = strconv.AppendFloat(e.buf[:0], v, 'f', -1, 64)
	e.bytes(e.buf)
}

func (e *encoder) point(p Point) {
	e.raw("[")
	e.num(p.Lon)
	e.raw(",")
	e.num(p.Lat)
	e.raw("]")
}

func (e *encoder) line(pts []Point) {
	e.raw("[")
	for i, p := range pts {
		if i > 0 {
			e.raw(",")
		}
		e.point(p)
	}
	e.raw("]")
}
