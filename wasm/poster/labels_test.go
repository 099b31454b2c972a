package poster

import (
	"math/rand"
	"testing"

	"github.com/buurtkaart/buurtkaart/wasm/kind"
	"github.com/buurtkaart/buurtkaart/wasm/label"
	"github.com/buurtkaart/buurtkaart/wasm/sketch"
)

// TestLabelsNeverOverlap places 1,000 labels in an A2-sized map area and
// checks that no label overlaps another, a mark, the reserved boxes or the
// area's edge, and that every one got at least its number.
func TestLabelsNeverOverlap(t *testing.T) {
	const seed = 7
	rng := rand.New(rand.NewSource(seed))
	area := Rect{50, 150, 1090, 1000}
	reserved := []label.Box{{X0: 50, Y0: 1100, X1: 250, Y1: 1150}}
	at := make([]XY, 1000)
	es := make([]entry, len(at))
	for i := range at {
		at[i] = XY{X: area.X + rng.Float64()*area.W, Y: area.Y + rng.Float64()*area.H}
		es[i] = entry{N: i + 1, Name: "plek met een naam van lengte " + string(rune('a'+rng.Intn(26))), Kind: kind.All[i%5]}
	}
	l := labeller{area: area, size: 8.6, r: 4, measure: advances, reserved: reserved, pal: &sketch.Colour}
	got, _, unlabelled := l.place(at, es)
	if unlabelled != 0 {
		t.Errorf("seed %d: %d unlabelled", seed, unlabelled)
	}
	var boxes []label.Box
	leaders := 0
	for i, p := range got {
		if p.Text.S == "" {
			continue
		}
		if !inside(p.Box, area) {
			t.Fatalf("seed %d: label %d %v leaves the map", seed, i, p.Box)
		}
		for _, r := range reserved {
			if p.Box.Overlaps(r) {
				t.Fatalf("seed %d: label %d covers the scale bar", seed, i)
			}
		}
		for j, c := range at {
			if p.Box.Overlaps(label.Box{X0: c.X - l.r, Y0: c.Y - l.r, X1: c.X + l.r, Y1: c.Y + l.r}) {
				t.Fatalf("seed %d: label %d covers mark %d", seed, i, j)
			}
		}
		for j, b := range boxes {
			if p.Box.Overlaps(b) {
				t.Fatalf("seed %d: label %d overlaps label %d", seed, i, j)
			}
		}
		boxes = append(boxes, p.Box)
		if p.Leader != nil {
			leaders++
		}
	}
	t.Logf("seed %d: 1000 labels, %d on leaders, 0 overlaps", seed, leaders)
}
