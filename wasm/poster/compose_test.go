package poster

import (
	"strconv"
	"strings"
	"testing"

	"github.com/buurtkaart/buurtkaart/wasm/atlas"
)

var papers = []Paper{{Size: A4}, {Size: A3}, {Size: A2}, {Size: A1},
	{Size: A4, Landscape: true}, {Size: A3, Landscape: true}, {Size: A2, Landscape: true}}

// TestEveryPlaceOnMapAndInIndex: on every paper, each of the sample's 68
// places carries its number on the map (with its name, or alone) and is
// listed under that number in the index, and no text is under 7 pt.
func TestEveryPlaceOnMapAndInIndex(t *testing.T) {
	m := sample(t)
	if len(m.Places) != 68 {
		t.Fatalf("sample has %d places, want 68", len(m.Places))
	}
	for _, paper := range papers {
		t.Run(paper.String(), func(t *testing.T) {
			p, err := Compose(m, fixed(paper))
			if err != nil {
				t.Fatal(err)
			}
			if p.Entries != 68 || p.Unlabelled != 0 || len(p.Pages) != 1 {
				t.Fatalf("%d entries, %d unlabelled, %d pages; want 68, 0, 1", p.Entries, p.Unlabelled, len(p.Pages))
			}
			checkEntries(t, p, entries(m, nil))
		})
	}
}

func checkEntries(t *testing.T, p *Poster, es []entry) {
	t.Helper()
	onMap, inIndex := map[int]bool{}, map[int]bool{}
	for _, pg := range p.Pages {
		items := pg.Items
		for i, it := range items {
			tx, ok := it.(Text)
			if !ok {
				continue
			}
			if tx.Size < MinTextSize {
				t.Errorf("%q is %.2f pt, under the %d pt floor", tx.S, tx.Size, MinTextSize)
			}
			n, err := strconv.Atoi(tx.S)
			switch {
			case err == nil && tx.Align == End && i+1 < len(items): // index: number, then the name
				name, _ := items[i+1].(Text)
				if n >= 1 && n <= len(es) && name.S != "" && strings.HasPrefix(es[n-1].Name, name.S) {
					inIndex[n] = true
				}
			case err == nil && tx.Align == Middle: // a number-only map label
				onMap[n] = true
			default:
				num, name, _ := strings.Cut(tx.S, " ")
				if n, err := strconv.Atoi(num); err == nil && n >= 1 && n <= len(es) && es[n-1].Name == name {
					onMap[n] = true
				}
			}
		}
	}
	for _, e := range es {
		if !onMap[e.N] {
			t.Errorf("%d %q has no label on the map", e.N, e.Name)
		}
		if !inIndex[e.N] {
			t.Errorf("%d %q is not in the index", e.N, e.Name)
		}
	}
}

// TestThousandPlaces: 1,000 places on A2 are all labelled and indexed.
func TestThousandPlaces(t *testing.T) {
	if testing.Short() {
		t.Skip("1,000 places")
	}
	const seed = 20261123
	m := crowded(t, 1000, seed)
	p, err := Compose(m, fixed(Paper{Size: A2}))
	if err != nil {
		t.Fatal(err)
	}
	if p.Unlabelled != 0 {
		t.Errorf("seed %d: %d of 1000 places unlabelled", seed, p.Unlabelled)
	}
	checkEntries(t, p, entries(m, nil))
	t.Logf("seed %d: 1000 places on A2 in %d page(s)", seed, len(p.Pages))
}

func TestComposeRefusesNoExtent(t *testing.T) {
	if _, err := Compose(&atlas.Map{Title: "leeg"}, nil); err == nil || !strings.HasPrefix(err.Error(), "poster: ") {
		t.Fatalf("err = %v, want a poster: error", err)
	}
	if _, err := Compose(nil, nil); err == nil {
		t.Fatal("Compose(nil) did not fail")
	}
}
