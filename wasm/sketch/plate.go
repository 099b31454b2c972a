package sketch

import (
	"strconv"
	"strings"
	"sync"
)

// Plate is many copies of one pictogram drawn as a single path, like a
// printing plate: the browser then paints a thousand marks as one element
// instead of a thousand <use> elements with a shadow tree each, which is
// where the redraw time went (replacing ~1,500 <use> marks cost 224–554 ms
// in Chromium, the core's own work 21–107 ms).
type Plate struct {
	Class string
	D     string
}

func (Plate) isItem() {}

// place writes the path data d of an icon part scaled by s and moved to
// (x, y). d holds only absolute M, L, H, V, Q, A and Z commands. It runs
// once per mark and part (10,000 places: ~50,000 times a redraw), so d is
// read once (parsed) and numbers are written without allocating.
func place(b *strings.Builder, d string, s, x, y float64) {
	var buf [24]byte
	for _, t := range parsed(d) {
		if t.cmd != 0 {
			b.WriteByte(t.cmd)
			continue
		}
		if t.space {
			b.WriteByte(' ')
		}
		b.Write(appendNum(buf[:0], transform(t.of, t.arg, t.v, s, x, y)))
	}
}

// token is a command letter (cmd set) or the arg-th number v of a group of
// command of; space: a separator goes before it.
type token struct {
	cmd, of byte
	arg     int
	v       float64
	space   bool
}

var parsedPaths sync.Map // path data → []token

func parsed(d string) []token {
	if ts, ok := parsedPaths.Load(d); ok {
		return ts.([]token)
	}
	var ts []token
	var cmd byte
	arg, space := 0, false
	for i := 0; i < len(d); {
		c := d[i]
		switch {
		case c == ' ' || c == ',':
			i++
			continue
		case c >= 'A' && c <= 'Z':
			cmd, arg, space = c, 0, false
			ts = append(ts, token{cmd: c})
			i++
			continue
		}
		j := i + 1
		for j < len(d) && (d[j] >= '0' && d[j] <= '9' || d[j] == '.') {
			j++
		}
		v, _ := strconv.ParseFloat(d[i:j], 64)
		i = j
		ts = append(ts, token{of: cmd, arg: arg, v: v, space: space})
		space = true
		if arg++; arg == groupSize(cmd) {
			arg = 0
		}
	}
	parsedPaths.Store(d, ts)
	return ts
}

// groupSize is how many numbers one repetition of a command takes.
func groupSize(cmd byte) int {
	switch cmd {
	case 'M', 'L':
		return 2
	case 'H', 'V':
		return 1
	case 'Q':
		return 4
	case 'A':
		return 7
	}
	return 0
}

// transform maps the arg-th number of a command group.
func transform(cmd byte, arg int, v, s, x, y float64) float64 {
	switch cmd {
	case 'H':
		return x + v*s
	case 'V':
		return y + v*s
	case 'A':
		switch arg {
		case 0, 1: // radii
			return v * s
		case 2, 3, 4: // rotation and flags
			return v
		case 5:
			return x + v*s
		default:
			return y + v*s
		}
	}
	if arg%2 == 0 {
		return x + v*s
	}
	return y + v*s
}
