package sketch

import (
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
	if len(c.Groups) != 1 || c.Groups[0].N != 4 || len(c.Singles) != 1 || c.Singles[0] != 4 {
		t.Errorf("clusters %+v, singles %v: want the four drawn places in one cluster and the waiting pin on its own", c.Groups, c.Singles)
	}
}
