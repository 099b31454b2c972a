package poster

import (
	"strconv"
	"time"

	"github.com/buurtkaart/buurtkaart/wasm/pin"
	"github.com/buurtkaart/buurtkaart/wasm/sketch"
)

// MinTextSize is the smallest text on any poster, in points: below 7 pt a
// handwriting face stops reading at arm's length on a wall.
const MinTextSize = 7

// Options describe a poster; the zero value (or nil) is an A4 portrait
// poster with the map's own title, no date, no pins and a QR placeholder.
type Options struct {
	Paper Paper     // default A4 portrait
	Title string    // default the map's title, else its buurt name
	Date  time.Time // printed under the title in Dutch; zero prints none
	URL   string    // where the QR code points: the live map's pin form; default none

	// QR is the QR code of URL as modules, row by row, true for dark,
	// without quiet zone (the poster adds 4 modules). The core has no QR
	// encoder — that belongs to the host, like the font — so nil draws a
	// framed placeholder with the URL written out.
	QR [][]bool

	Credit string // an extra credit in the footer, e.g. the font's licence; default none

	Pins []pin.Pin // residents' pins, drawn in their own ink and indexed

	Ink Ink // what it is printed in; default Kleur, the map's colours

	// Measure returns the advance width of s at size points in the
	// poster's font. Label placement is only as exact as this; the default
	// adds up the advances of Patrick Hand's characters (sketch.Advance,
	// the table the screen's names are placed by) without kerning. The
	// command measures the shaped text with the font itself, the browser
	// with its canvas.
	Measure func(s string, size float64) float64

	pal *sketch.Palette // Ink's palette
}

func (o *Options) withDefaults() Options {
	var v Options
	if o != nil {
		v = *o
	}
	if v.Measure == nil {
		v.Measure = advances
	}
	v.pal = v.Ink.palette()
	return v
}

// advances is the width of s in the handwriting face: the sum of its
// characters' advances (sketch.Advance), in points at size.
func advances(s string, size float64) float64 {
	w := 0.0
	for _, r := range s {
		w += sketch.Advance(r)
	}
	return w * size
}

var months = [...]string{"januari", "februari", "maart", "april", "mei", "juni", "juli",
	"augustus", "september", "oktober", "november", "december"}

// dutchDate formats t as "23 november 2026".
func dutchDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return strconv.Itoa(t.Day()) + " " + months[t.Month()-1] + " " + strconv.Itoa(t.Year())
}
