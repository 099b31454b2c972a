package sketch

import (
	"fmt"
	"github.com/buurtkaart/buurtkaart/wasm/kind"
	"reflect"
	"strings"
	"testing"

	"github.com/buurtkaart/buurtkaart/wasm/atlas"
	"github.com/buurtkaart/buurtkaart/wasm/atlas/atlastest"
	"github.com/buurtkaart/buurtkaart/wasm/label"
)

// sample is the Schilderswijk sample map and its frame.
func sample(t *testing.T) (*atlas.Map, Frame) {
	m := atlastest.Sample(t)
	_, f := Map(m, nil)
	return m, f
}

func TestSnippet(t *testing.T) {
	tests := []struct {
		note string
		want []string
	}{
		{"", nil},
		{"Elke zaterdag", []string{"Elke zaterdag"}},
		{"Hier leer je fietsen, ook als je al groot bent", []string{"Hier leer je fietsen, ook", "als je al groot bent"}},
		{"Hier leer je fietsen, ook als je al groot bent en dat is fijn voor iedereen",
			[]string{"Hier leer je fietsen, ook", "als je al groot bent en dat…"}},
		{strings.Repeat("x", 40), []string{strings.Repeat("x", 27) + "…"}},
	}
	for _, tt := range tests {
		if got := snippet(tt.note); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("snippet(%q) = %q, want %q", tt.note, got, tt.want)
		}
		for _, l := range snippet(tt.note) {
			if n := len([]rune(l)); n > noteLine {
				t.Errorf("snippet(%q): line %q has %d characters, over %d", tt.note, l, n, noteLine)
			}
		}
	}
}

// Zoomed in, a place's note is written under its name, in the same column;
// the boxes the placer kept apart hold name and note together, so nothing
// overlaps. Zoomed out, names only (a long one perhaps folded in two).
func TestNotesUnderNames(t *testing.T) {
	m, f := sample(t)
	withNote, isName := map[string]bool{}, map[string]bool{}
	for _, p := range m.Places {
		isName[p.Name] = true
		if p.Note != "" {
			withNote[p.Name] = true
		}
	}
	if len(withNote) == 0 {
		t.Fatal("the sample has no notes")
	}
	count := func(g Group) (names, notes int) {
		for _, it := range g.Items {
			tx, ok := it.(Text)
			if !ok {
				continue
			}
			names++
			if len(tx.Lines) == 1 && tx.Lines[0].Class == "" { // a long name folded over two lines
				if !isName[tx.S+" "+tx.Lines[0].S] {
					t.Errorf("%q / %q is not a name folded", tx.S, tx.Lines[0].S)
				}
				continue
			}
			if len(tx.Lines) > 0 && !withNote[tx.S] {
				t.Errorf("%q has note lines but no note", tx.S)
			}
			for _, l := range tx.Lines {
				notes++
				if l.Class != "notitie" || l.DY <= 0 || l.S == "" {
					t.Errorf("%q: note line %+v", tx.S, l)
				}
			}
		}
		return names, notes
	}
	if _, notes := count(Labels(f, m.Places, &LabelOptions{Scale: 1})); notes != 0 {
		t.Errorf("%d note lines without Notes", notes)
	}
	names, notes := count(Labels(f, m.Places, &LabelOptions{Scale: 0.41, Notes: true}))
	if notes == 0 || names == 0 {
		t.Errorf("zoomed in with Notes: %d names, %d note lines", names, notes)
	}
	t.Logf("zoomed in 2.4×: %d names, %d note lines", names, notes)
}

// On a phone the core draws for a larger scale, more places gather into
// clusters, and no name may be written over a cluster's circle.
func TestNamesClearOfClusters(t *testing.T) {
	m, f := sample(t)
	const scale = 2.5 // the whole map on a ~420 px phone screen
	c := Cluster(f, m.Places, scale, nil)
	if len(c.Groups) == 0 {
		t.Fatal("no clusters at phone scale; the test needs some")
	}
	g := Labels(f, m.Places, &LabelOptions{Scale: scale, Only: c.Singles, Clusters: c.Groups})
	size := 12.5 * scale
	names := 0
	for _, it := range g.Items {
		tx, ok := it.(Text)
		if !ok {
			continue
		}
		names++
		w := textWidth(tx.S, size)
		x0 := map[string]float64{"start": tx.At.X, "": tx.At.X, "end": tx.At.X - w, "middle": tx.At.X - w/2}[tx.Anchor]
		box := label.Box{X0: x0, Y0: tx.At.Y - 0.75*size*lineHeight, X1: x0 + w, Y1: tx.At.Y + 0.25*size*lineHeight}
		for _, k := range c.Groups {
			r := klontRadius * scale
			if box.Overlaps(label.Box{X0: k.At.X - r, Y0: k.At.Y - r, X1: k.At.X + r, Y1: k.At.Y + r}) {
				t.Errorf("%q is written over the cluster of %d at %v", tx.S, k.N, k.At)
			}
		}
	}
	t.Logf("phone scale: %d clusters, %d names", len(c.Groups), names)
}

// A whole-drawing layout handed out by window keeps exactly the names that
// start in the window, each with its own leader, at the same place.
func TestLabelsWithin(t *testing.T) {
	m, f := sample(t)
	full := Labels(f, m.Places, &LabelOptions{Scale: 0.5})
	w := Window{X0: 200, Y0: 200, X1: 600, Y1: 600}
	id := func(t Text) string { return fmt.Sprint(t.S, t.At, t.Anchor) }
	want := map[string]bool{}
	leaders := 0
	for i, it := range full.Items {
		if tx, ok := it.(Text); ok && w.contains(tx.At, 0) {
			want[id(tx)] = true
			if i > 0 {
				if _, ok := full.Items[i-1].(Path); ok {
					leaders++
				}
			}
		}
	}
	got := LabelsWithin(full, w)
	texts, paths := 0, 0
	for i, it := range got.Items {
		switch it := it.(type) {
		case Text:
			texts++
			if !want[id(it)] {
				t.Errorf("%q at %v is not in the window, or moved", it.S, it.At)
			}
		case Path:
			paths++
			if _, ok := got.Items[i+1].(Text); !ok {
				t.Errorf("a leader without its name")
			}
		}
	}
	if texts != len(want) || paths != leaders || texts == 0 || texts == len(full.Items) {
		t.Errorf("%d names and %d leaders in the window, want %d and %d (of %d items)", texts, paths, len(want), leaders, len(full.Items))
	}
}

// A long name that finds no room on one line beside its mark is folded in
// two there, at the space that balances the lines, rather than pushed out
// on a leader or left off: on a 1280×800 laptop (the map drawn 691 px wide,
// names 13 px) more of the sample is named than on one line only.
func TestLongNamesFold(t *testing.T) {
	m, f := sample(t)
	const scale = 80 * 13.0 / 691
	count := func(g Group) (names, folded int) {
		for _, it := range g.Items {
			if tx, ok := it.(Text); ok {
				names++
				if len(tx.Lines) == 1 {
					folded++
				}
			}
		}
		return names, folded
	}
	names, folded := count(Labels(f, m.Places, &LabelOptions{Scale: scale}))
	if folded == 0 {
		t.Fatal("no name folded at laptop scale")
	}
	// The same layout with folding out of reach: every name short enough.
	short := make([]atlas.Place, len(m.Places))
	copy(short, m.Places)
	for i := range short {
		if fold := foldName(short[i].Name, 1); fold[1] != "" {
			short[i].Name = strings.ReplaceAll(short[i].Name, " ", "\u00a0")
		}
	}
	oneLine, _ := count(Labels(f, short, &LabelOptions{Scale: scale}))
	t.Logf("%d of %d names on screen, %d folded; on one line only: %d", names, len(m.Places), folded, oneLine)
	if names <= oneLine {
		t.Errorf("folding named %d places, one line only %d", names, oneLine)
	}
	for _, c := range []struct{ in, a, b string }{
		{"Koffieochtend voor ouderen", "Koffieochtend", "voor ouderen"},
		{"Plek 12", "Plek 12", ""},
		{"Naaiatelier Stof & Draad", "Naaiatelier", "Stof & Draad"},
	} {
		if got := foldName(c.in, 12.5); got != [2]string{c.a, c.b} {
			t.Errorf("foldName(%q) = %q, want %q / %q", c.in, got, c.a, c.b)
		}
	}
}

// Where every place is in one cluster, only its leader (the first place,
// the most important) is drawn and named beside it, and no time goes into
// trying the others: Singles lists it alone, never nil (which Labels reads
// as "all").
func TestAllClusteredNamesTheLeader(t *testing.T) {
	m, f := sample(t)
	const scale = 40 // the whole buurt in a few cells: all clusters
	c := Cluster(f, m.Places, scale, nil)
	if len(c.Singles) != 1 || c.Singles[0] != 0 {
		t.Fatalf("at scale %v: singles %v, want the leader [0]", scale, c.Singles)
	}
	n := 0
	for _, k := range c.Groups {
		n += k.N
	}
	if n != len(m.Places)-1 {
		t.Errorf("clusters hold %d places, want %d", n, len(m.Places)-1)
	}
	if g := Labels(f, m.Places, &LabelOptions{Scale: scale, Only: c.Singles, Clusters: c.Groups}); len(g.Items) > 2 {
		t.Errorf("all clustered: %d label items, want at most the leader's name (and leader line)", len(g.Items))
	}
	if c := Cluster(f, m.Places, scale, map[kind.Kind]bool{kind.Talent: true, kind.Verband: true, kind.Plek: true, kind.Verhaal: true, kind.Partner: true}); c.Singles == nil {
		t.Error("nothing shown: Singles is nil, which Labels reads as all places")
	}
}
