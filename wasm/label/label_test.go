package label

import (
	"math/rand"
	"testing"
)

func TestPlaceNeverOverlaps(t *testing.T) {
	seed := int64(20261123)
	rng := rand.New(rand.NewSource(seed))
	anchors := make([]Anchor, 1000)
	for i := range anchors {
		anchors[i] = Anchor{X: rng.Float64() * 1000, Y: rng.Float64() * 700, R: 5, W: 20 + rng.Float64()*80, H: 12}
	}
	got := Place(anchors, []Box{{0, 0, 300, 40}}, nil)
	var placed []Box
	leaders := 0
	for i, p := range got {
		if !p.Placed {
			continue
		}
		for j, q := range placed {
			if p.Box.Overlaps(q) {
				t.Fatalf("seed %d: label %d overlaps an earlier label %d", seed, i, j)
			}
		}
		for j, a := range anchors {
			if p.Box.Overlaps(Box{a.X - a.R, a.Y - a.R, a.X + a.R, a.Y + a.R}) {
				t.Fatalf("seed %d: label %d covers mark %d", seed, i, j)
			}
		}
		if p.Box.Overlaps(Box{0, 0, 300, 40}) {
			t.Fatalf("seed %d: label %d covers the obstacle", seed, i)
		}
		if p.HasLeader {
			for j, q := range got {
				if j != i && q.Placed && segmentHitsBox(p.Leader, q.Box) {
					t.Fatalf("seed %d: leader of %d runs through label %d", seed, i, j)
				}
				if j != i && q.HasLeader && segmentsCross(p.Leader, q.Leader) {
					t.Fatalf("seed %d: leaders of %d and %d cross", seed, i, j)
				}
			}
			leaders++
		}
		placed = append(placed, p.Box)
	}
	t.Logf("seed %d: %d of 1000 labels placed, %d with leaders", seed, len(placed), leaders)
	if len(placed) < 300 {
		t.Errorf("seed %d: only %d of 1000 labels placed", seed, len(placed))
	}
}

func TestPlacePrefersRight(t *testing.T) {
	got := Place([]Anchor{{X: 100, Y: 100, R: 5, W: 40, H: 12}}, nil, nil)
	if !got[0].Placed || got[0].Align != Start || got[0].X != 107 {
		t.Fatalf("got %+v, want right of the mark at x 107", got[0])
	}
}

func BenchmarkPlace1k(b *testing.B) {
	rng := rand.New(rand.NewSource(1))
	anchors := make([]Anchor, 1000)
	for i := range anchors {
		anchors[i] = Anchor{X: rng.Float64() * 1000, Y: rng.Float64() * 700, R: 5, W: 20 + rng.Float64()*80, H: 12}
	}
	for b.Loop() {
		Place(anchors, nil, nil)
	}
}

// Greedy alone leaves B unnamed: A's name took the one spot B has. The
// second pass moves A's name to its left and names B there.
func TestRepairMovesTheOneInTheWay(t *testing.T) {
	a := Anchor{X: 100, Y: 100, R: 5, W: 40, H: 12}
	b := Anchor{X: 160, Y: 100, R: 5, W: 40, H: 12}
	walls := []Box{{167, -1000, 1000, 1000}, {105, -1000, 167, 93}, {105, 107, 167, 1000}}
	got := Place([]Anchor{a, b}, walls, nil)
	if !got[0].Placed || !got[1].Placed {
		t.Fatalf("placed A %v, B %v; want both", got[0].Placed, got[1].Placed)
	}
	if got[0].Align != End || got[1].Align != End {
		t.Errorf("A %+v, B %+v: want both names left of their marks", got[0], got[1])
	}
	if got[0].Box.Overlaps(got[1].Box) {
		t.Errorf("A %+v and B %+v overlap", got[0].Box, got[1].Box)
	}
}

// A street running right through where the name would go: the name takes
// the next spot beside its mark that is clear of it, not the street.
func TestNamesKeepOffStreets(t *testing.T) {
	a := Anchor{X: 100, Y: 100, R: 5, W: 40, H: 12}
	street := [][4]float64{{100, 99, 300, 99}} // along the right-hand spot's letters
	got := Place([]Anchor{a}, nil, street)[0]
	if !got.Placed || got.HasLeader {
		t.Fatalf("got %+v, want placed beside the mark", got)
	}
	if got.Align == Start && got.Box.Y0 < 99 && 99 < got.Box.Y1 {
		t.Fatalf("got %+v: the name runs along the street", got)
	}
	if got.Align != End {
		t.Errorf("got %+v, want left of the mark (the next direction)", got)
	}
	// A street crossing the name is not along it.
	cross := [][4]float64{{120, 0, 120, 200}}
	if got := Place([]Anchor{a}, nil, cross)[0]; got.Align != Start || got.X != 107 {
		t.Errorf("crossed by a street: got %+v, want right of the mark at x 107", got)
	}
}

// Streets everywhere beside the mark: the name stays beside it, on the
// first free spot, rather than going out on a leader.
func TestOnAStreetRatherThanOnALeader(t *testing.T) {
	a := Anchor{X: 100, Y: 100, R: 5, W: 40, H: 12}
	var streets [][4]float64
	for y := 60.0; y <= 140; y += 3 {
		streets = append(streets, [4]float64{0, y, 200, y})
	}
	got := Place([]Anchor{a}, nil, streets)[0]
	if !got.Placed || got.HasLeader || got.Align != Start || got.X != 107 {
		t.Fatalf("got %+v, want right of the mark at x 107, no leader", got)
	}
}

// along counts a street filed under many grid cells once: a street under
// a fifth of the name's width is not along it (the share is a quarter),
// however many cells the grid cuts it into.
func TestAlongCountsEachStreetOnce(t *testing.T) {
	s := &segments{grid: newGrid(Box{0, 0, 100, 100}, 2)}
	s.add([4]float64{10, 50, 30, 50})
	name := Box{0, 40, 100, 55}
	if s.along(name) {
		t.Fatalf("a street under 20 %% of the name counted as along it")
	}
	s.add([4]float64{30, 50, 40, 50})
	if !s.along(name) {
		t.Fatalf("streets under 30 %% of the name not counted as along it")
	}
}
