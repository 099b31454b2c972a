package sketch

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/buurtkaart/buurtkaart/wasm/atlas"
	"github.com/buurtkaart/buurtkaart/wasm/kind"
)

// hitMap is three places on a 1,000-unit frame: two drawn, one a resident's pin.
func hitMap() (Frame, []atlas.Place) {
	f := NewFrame(atlas.BBox{W: 4, S: 52, E: 4.01, N: 52.01}, 1000, 0)
	ps := []atlas.Place{
		{ID: "bank", Name: "Bankje", Kind: kind.Plek, At: atlas.Point{Lon: 4.002, Lat: 52.005}},
		{ID: "club", Name: "Breiclub op woensdag", Kind: kind.Verband, At: atlas.Point{Lon: 4.008, Lat: 52.005}},
		{ID: "pin", Name: "Zonnebank", Kind: kind.Plek, At: atlas.Point{Lon: 4.005, Lat: 52.002}, Pin: atlas.PinShown},
	}
	return f, ps
}

func TestHit(t *testing.T) {
	f, ps := hitMap()
	c := Cluster(f, ps, 1, nil)
	names := Labels(f, ps, &LabelOptions{Only: c.Singles})
	var clubName Name
	for _, it := range names.Items {
		if tx, ok := it.(Text); ok && tx.Name.Place == "club" {
			clubName = tx.Name
		}
	}
	if clubName.Place == "" {
		t.Fatal("the club's name was not laid out")
	}
	pin := f.Project(ps[2].At)
	tests := []struct {
		name      string
		at        XY
		reach     float64
		noNames   bool // the tap beside a mark may land on its name: leave names out
		wantID    string
		wantKlont bool
	}{
		{"on a resident's pin", pin, 12, false, "pin", false},
		{"a finger beside a pin", XY{pin.X + 18, pin.Y}, 22, true, "pin", false},
		{"a mouse as far away misses", XY{pin.X + 18, pin.Y}, 12, true, "", false},
		{"on a name, far from its mark", XY{(clubName.X0 + clubName.X1) / 2, (clubName.Y0 + clubName.Y1) / 2}, 12, false, "club", false},
		{"empty paper", XY{50, 50}, 22, false, "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			drawn := names
			if tt.noNames {
				drawn = Group{}
			}
			id, klont := Hit(f, ps, c, drawn, tt.at, tt.reach)
			if id != tt.wantID || klont != tt.wantKlont {
				t.Errorf("Hit at %v reach %v = (%q, %v), want (%q, %v)", tt.at, tt.reach, id, klont, tt.wantID, tt.wantKlont)
			}
		})
	}
}

// A resident's pin is drawn with its kind's pictogram on a pin foot; one
// waiting for a keeper (or a connection) with a waiting foot.
func TestMarksPinFoot(t *testing.T) {
	f, ps := hitMap()
	ps = append(ps, atlas.Place{ID: "wacht", Name: "Nog niet", Kind: kind.Talent, At: atlas.Point{Lon: 4.001, Lat: 52.009}, Pin: atlas.PinWaiting})
	g := Marks(f, ps, Cluster(f, ps, 1, nil), Window{})
	classes := map[string]int{}
	for _, it := range g.Items {
		p := it.(Plate)
		classes[p.Class] += strings.Count(p.D, "M")
	}
	if classes["mark pin"] != 1 || classes["mark wachtend"] != 1 {
		t.Errorf("pin feet: %v, want one shown and one waiting", classes)
	}
	if classes["mark plek"] != 2 || g.N != 4 {
		t.Errorf("a pin keeps its kind's pictogram: plek marks %d, N %d (want 2, 4)", classes["mark plek"], g.N)
	}
}

// A pin that waits is its maker's and never disappears into a cluster.
func TestClusterKeepsWaitingPins(t *testing.T) {
	f, _ := hitMap()
	var ps []atlas.Place
	for i := range 5 {
		ps = append(ps, atlas.Place{ID: string(rune('a' + i)), Kind: kind.Plek, At: atlas.Point{Lon: 4.005 + float64(i)*1e-5, Lat: 52.005}})
	}
	ps[4].Pin = atlas.PinWaiting
	c := Cluster(f, ps, 1, nil)
	inClusters := 0
	for _, k := range c.Groups {
		inClusters += k.N
	}
	if len(c.Groups) != 1 || inClusters+len(c.Singles) != 5 || !slices.Contains(c.Singles, 4) {
		t.Errorf("clusters %+v, singles %v: want the four drawn places clustered (the leader beside it) and the waiting pin on its own", c.Groups, c.Singles)
	}
}

// A map of 10,000 places names its most important places at the
// whole-buurt view (bench-map's target: ≥ 60, none overlapping — the label
// placer never overlaps), and its clusters follow the data: they do not sit
// on a square grid (the cells of the clustering before showed as one).
func TestDenseMapNamesWhatFits(t *testing.T) {
	f := NewFrame(atlas.BBox{W: 4.292, S: 52.059, E: 4.322, N: 52.076}, 1000, 24)
	rnd := rand.New(rand.NewPCG(1, 2))
	ps := make([]atlas.Place, 10000)
	for i := range ps {
		ps[i] = atlas.Place{ID: fmt.Sprint("p", i), Name: fmt.Sprint("Plek ", i+1), Kind: kind.All[i%5],
			At: atlas.Point{Lon: 4.292 + rnd.Float64()*0.03, Lat: 52.059 + rnd.Float64()*0.017}}
	}
	const scale = 1.0
	c := Cluster(f, ps, scale, nil)
	names := 0
	for _, it := range Labels(f, ps, &LabelOptions{Scale: scale, Only: c.Singles, Clusters: c.Groups}).Items {
		if _, ok := it.(Text); ok {
			names++
		}
	}
	if names < 60 {
		t.Errorf("%d places named at the whole-buurt view of 10,000, want ≥ 60", names)
	}
	// On a grid of 40-unit cells, clusters sit near the cells' middles: the
	// spread of their offset in a cell is ~0.05; spread freely, ~0.29.
	var sum, sq float64
	for _, k := range c.Groups {
		off := math.Mod(k.At.X/(40*scale), 1)
		sum, sq = sum+off, sq+off*off
	}
	n := float64(len(c.Groups))
	if sd := math.Sqrt(sq/n - (sum/n)*(sum/n)); sd < 0.2 {
		t.Errorf("clusters' offsets in a 40-unit grid spread %.3f: they sit on a grid", sd)
	}
	t.Logf("10,000 places at scale %v: %d named, %d clusters", scale, names, len(c.Groups))
}
