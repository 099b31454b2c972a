package poster

import (
	"bytes"
	"fmt"
	"math"
	"os"
	"regexp"
	"strconv"
	"testing"

	"github.com/buurtkaart/buurtkaart/wasm/atlas"
	"github.com/buurtkaart/buurtkaart/wasm/kind"
	"github.com/buurtkaart/buurtkaart/wasm/label"
	"github.com/buurtkaart/buurtkaart/wasm/sketch"
)

// TestOneDrawing: for every kind, the screen's SVG (the page's drawing,
// sketch.Map with PageOptions) and the poster's SVG draw its pictogram with
// the same path data — sketch's, only placed and scaled — in the same
// colour: the palette's, which the page's stylesheet writes too.
func TestOneDrawing(t *testing.T) {
	m := &atlas.Map{Title: "vijf soorten", Bounds: atlas.BBox{W: 4.29, S: 52.06, E: 4.32, N: 52.076}}
	for i, k := range kind.All {
		m.Places = append(m.Places, atlas.Place{ID: string(k), Name: "een " + string(k), Kind: k,
			At: atlas.Point{Lon: 4.294 + float64(i)*0.005, Lat: 52.064 + float64(i%2)*0.006}})
	}
	d, _ := sketch.Map(m, sketch.PageOptions())
	var screen bytes.Buffer
	sketch.WriteSVG(&screen, d)
	p, err := Compose(m, fixed(Paper{Size: A3}))
	if err != nil {
		t.Fatal(err)
	}
	var paper bytes.Buffer
	WriteSVG(&paper, p.Pages[0])
	css := cssKindColours(t)
	for _, k := range kind.All {
		want := sketch.Icon("k-" + string(k))[0].D
		colour := sketch.Colour.Kind(k)
		if css[k] != colour {
			t.Errorf("%s: web/style.css fills it %s, the palette %s", k, css[k], colour)
		}
		plate := regexp.MustCompile(`<path class="mark ` + string(k) + `" d="([^"]+)"`).FindStringSubmatch(screen.String())
		if plate == nil {
			t.Fatalf("%s: no mark on the screen", k)
		}
		if err := samePath(want, plate[1]); err != nil {
			t.Errorf("%s on the screen: %v", k, err)
		}
		drawn := regexp.MustCompile(`<path d="([^"]+)" fill="`+colour+`"`).FindAllStringSubmatch(paper.String(), -1)
		if len(drawn) < 3 { // on the map, in the legend and over its part of the index
			t.Fatalf("%s: %d paths in %s on the poster, want its mark, legend and index heading", k, len(drawn), colour)
		}
		for _, dr := range drawn {
			if err := samePath(want, dr[1]); err != nil {
				t.Errorf("%s on the poster: %v", k, err)
			}
		}
	}
}

// cssKindColours reads the kinds' fills from the page's stylesheet.
func cssKindColours(t *testing.T) map[kind.Kind]string {
	css, err := os.ReadFile("../../web/style.css")
	if err != nil {
		t.Fatal(err)
	}
	out := map[kind.Kind]string{}
	for _, m := range regexp.MustCompile(`\.kaart \.(\w+), \.legenda \.\w+ \{ fill: (#[0-9a-f]{6}); \}`).FindAllStringSubmatch(string(css), -1) {
		out[kind.Kind(m[1])] = m[2]
	}
	return out
}

// samePath reports whether got is want (sketch's path data about (0, 0))
// scaled and moved, to the rounding of its one decimal.
func samePath(want, got string) error {
	w, g := pathNumbers(want), pathNumbers(got)
	if len(w) != len(g) {
		return fmt.Errorf("%d numbers, want %d: %s", len(g), len(w), got)
	}
	// Scale and offset by least squares over every coordinate.
	var mean [2][2]float64 // [x|y][want|got]
	var count [2]float64
	axis := func(r byte) int { return map[byte]int{'x': 0, 'y': 1}[r] }
	for i, n := range w {
		if n.role == 'x' || n.role == 'y' {
			a := axis(n.role)
			mean[a][0] += n.v
			mean[a][1] += g[i].v
			count[a]++
		}
	}
	for a := range 2 {
		mean[a][0] /= count[a]
		mean[a][1] /= count[a]
	}
	var num, den float64
	for i, n := range w {
		if n.role == 'x' || n.role == 'y' {
			a := axis(n.role)
			num += (n.v - mean[a][0]) * (g[i].v - mean[a][1])
			den += (n.v - mean[a][0]) * (n.v - mean[a][0])
		}
	}
	s := num / den
	x, y := mean[0][1]-s*mean[0][0], mean[1][1]-s*mean[1][0]
	for i, n := range w {
		if n.cmd != g[i].cmd || n.role != g[i].role {
			return fmt.Errorf("command %c where %c: %s", g[i].cmd, n.cmd, got)
		}
		expect := n.v
		switch n.role {
		case 'x':
			expect = x + s*n.v
		case 'y':
			expect = y + s*n.v
		case 'r':
			expect = s * n.v
		}
		// One decimal, rounded once (or twice: the poster's map places
		// the screen's plate on the sheet).
		if math.Abs(expect-g[i].v) > 0.15 {
			return fmt.Errorf("number %d is %v, want %.2f (scale %.3f): %s", i, g[i].v, expect, s, got)
		}
	}
	return nil
}

type pathNumber struct {
	cmd, role byte // role: x, y, r (a radius), f (a flag or angle)
	v         float64
}

// pathNumbers reads the first subpath run of path data: up to the Z that
// closes the first pictogram part (a plate holds many).
func pathNumbers(d string) []pathNumber {
	var out []pathNumber
	roles := map[byte]string{'M': "xy", 'L': "xy", 'Q': "xyxy", 'H': "x", 'V': "y", 'A': "rrfffxy"}
	var cmd byte
	k := 0
	for _, tok := range regexp.MustCompile(`[A-Za-z]|-?[0-9.]+`).FindAllString(d, -1) {
		if c := tok[0]; c >= 'A' && c <= 'Z' {
			if c == 'M' && len(out) > 0 && cmd == 'Z' {
				return out // the next pictogram on the plate
			}
			cmd, k = c, 0
			continue
		}
		v, _ := strconv.ParseFloat(tok, 64)
		r := roles[cmd]
		out = append(out, pathNumber{cmd: cmd, role: r[k%len(r)], v: v})
		k++
	}
	return out
}

// TestNotesInTheMap: the A2 poster of the sample writes most of the
// places' notes in the map beside their places, each on a line to its
// mark, with no text on another; every place is still numbered on the map
// and in the index. Black ink too, in greys only.
func TestNotesInTheMap(t *testing.T) {
	m := sample(t)
	for _, ink := range []Ink{Kleur, Zwart} {
		t.Run(ink.String(), func(t *testing.T) {
			o := fixed(Paper{Size: A2})
			o.Ink = ink
			p, err := Compose(m, o)
			if err != nil {
				t.Fatal(err)
			}
			withNotes := 0
			for _, pl := range m.Places {
				if pl.Note != "" {
					withNotes++
				}
			}
			if p.Notes*10 < withNotes*6 {
				t.Errorf("%d of %d notes written in the map, want ≥ 60 %%", p.Notes, withNotes)
			}
			checkEntries(t, p, entries(m, nil))
			if n := overlaps(p.Pages[0], advances); n != "" {
				t.Error(n)
			}
			var svg bytes.Buffer
			WriteSVG(&svg, p.Pages[0])
			colours := regexp.MustCompile(`(?:fill|stroke)="(#[0-9a-f]{6})"`).FindAllStringSubmatch(svg.String(), -1)
			grey := 0
			for _, c := range colours {
				if c[1][1:3] == c[1][3:5] && c[1][3:5] == c[1][5:7] {
					grey++
				}
			}
			if ink == Zwart && grey != len(colours) {
				t.Errorf("black ink: %d of %d colours are greys", grey, len(colours))
			}
			if ink == Kleur && grey == len(colours) {
				t.Error("colour: only greys")
			}
			t.Logf("A2 %s: %d of %d notes in the map, %d colours written", ink, p.Notes, withNotes, len(colours))
		})
	}
}

// overlaps is an oracle written apart from the placers: it boxes every
// text on the map as drawn (its width measured, turned with it; a line of
// letters from 0.75 of its size above the baseline to 0.25 below) and
// names the first two that overlap.
func overlaps(pg *Page, measure func(string, float64) float64) string {
	var frame label.Box
	for _, it := range pg.Items { // the map's frame: the paper-filled path after the sheet
		if pth, ok := it.(Path); ok && pth.D != "" && pth.Fill != "" {
			xs := pathNumbers(pth.D)
			frame = label.Box{X0: math.Inf(1), Y0: math.Inf(1), X1: math.Inf(-1), Y1: math.Inf(-1)}
			for _, n := range xs {
				if n.role == 'x' {
					frame.X0, frame.X1 = min(frame.X0, n.v), max(frame.X1, n.v)
				} else if n.role == 'y' {
					frame.Y0, frame.Y1 = min(frame.Y0, n.v), max(frame.Y1, n.v)
				}
			}
			break
		}
	}
	type box struct {
		s string
		b label.Box
	}
	var boxes []box
	for _, it := range pg.Items {
		tx, ok := it.(Text)
		if !ok || tx.At.X < frame.X0 || tx.At.X > frame.X1 || tx.At.Y < frame.Y0 || tx.At.Y > frame.Y1 {
			continue
		}
		w := measure(tx.S, tx.Size)
		x0 := -w * float64(tx.Align) / 2 // Start 0, Middle −w/2, End −w
		a := tx.Angle * math.Pi / 180
		b := label.Box{X0: math.Inf(1), Y0: math.Inf(1), X1: math.Inf(-1), Y1: math.Inf(-1)}
		for _, c := range [4][2]float64{{x0, -0.75 * tx.Size}, {x0 + w, -0.75 * tx.Size}, {x0, 0.25 * tx.Size}, {x0 + w, 0.25 * tx.Size}} {
			x := tx.At.X + c[0]*math.Cos(a) - c[1]*math.Sin(a)
			y := tx.At.Y + c[0]*math.Sin(a) + c[1]*math.Cos(a)
			b = label.Box{X0: min(b.X0, x), Y0: min(b.Y0, y), X1: max(b.X1, x), Y1: max(b.Y1, y)}
		}
		for _, o := range boxes {
			if o.b.X0 < b.X1-0.01 && b.X0 < o.b.X1-0.01 && o.b.Y0 < b.Y1-0.01 && b.Y0 < o.b.Y1-0.01 {
				return fmt.Sprintf("%q overlaps %q", tx.S, o.s)
			}
		}
		boxes = append(boxes, box{tx.S, b})
	}
	return ""
}
