package sketch

import (
	"strconv"
	"strings"
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
// (x, y). d holds only absolute M, L, H, V, Q, A and Z commands.
func place(b *strings.Builder, d string, s, x, y float64) {
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
			b.WriteByte(c)
			i++
			continue
		}
		j := i + 1
		for j < len(d) && (d[j] >= '0' && d[j] <= '9' || d[j] == '.') {
			j++
		}
		v, _ := strconv.ParseFloat(d[i:j], 64)
		i = j
		if space {
			b.WriteByte(' ')
		}
		b.WriteString(num(transform(cmd, arg, v, s, x, y)))
		space = true
		if arg++; arg == groupSize(cmd) {
			arg = 0
		}
	}
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
