package poster

import (
	"strconv"
	"time"
	"unicode/utf8"

	"github.com/buurtkaart/buurtkaart/wasm/pin"
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

	// Measure returns the advance width of s at size points in the
	// poster's font. Label placement is only as exact as this; the default
	// over-estimates Patrick Hand (mean 0.42 em) at 0.5 em per character,
	// so estimated labels never touch when drawn in the real font.
	Measure func(s string, size float64) float64
}

func (o *Options) withDefaults() Options {
	var v Options
	if o != nil {
		v = *o
	}
	if v.Measure == nil {
		v.Measure = estimate
	}
	return v
}

func estimate(s string, size float64) float64 {
	return float64(utf8.RuneCountInString(s)) * size * 0.5
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
