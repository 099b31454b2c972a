package sketch

import (
	"math"
	"slices"
	"strconv"

	"github.com/buurtkaart/buurtkaart/wasm/atlas"
	"github.com/buurtkaart/buurtkaart/wasm/kind"
)

// Clustering collapses dense areas: at a zoom level, places whose marks
// would crowd one cell of the screen become one drawn cluster with a count,
// so what the map costs follows what the eye can see, not the size of the
// data (100,000 places at the whole-buurt view are ~1,000 cells).
type Clustering struct {
	Singles []int   // indexes of places drawn on their own, ascending
	Groups  []Klont // the clusters
	Scale   float64 // the zoom level it was made for
}

// Klont (Dutch: a lump) is a cluster of places drawn as one mark.
type Klont struct {
	At XY
	N  int
}

// clusterCell is the side of a clustering cell in screen units (three marks
// wide), and clusterMin the fewest places in a cell that make a cluster: the
// Schilderswijk sample (68 places) has no cluster at the whole-buurt view
// (see the golden SVG), a map of 10,000 places is mostly clusters there.
const (
	clusterCell = 40
	clusterMin  = 3
)

// Cluster groups the places that are not hidden for a zoom level (scale =
// drawing units per screen unit).
func Cluster(f Frame, ps []atlas.Place, scale float64, hidden map[kind.Kind]bool) Clustering {
	size := clusterCell * scale
	cells := map[[2]int32][]int{}
	var order [][2]int32 // cells in first-seen order, so output is deterministic
	for i, p := range ps {
		if hidden[p.Kind] {
			continue
		}
		xy := f.Project(p.At)
		k := [2]int32{int32(math.Floor(xy.X / size)), int32(math.Floor(xy.Y / size))}
		if _, ok := cells[k]; !ok {
			order = append(order, k)
		}
		cells[k] = append(cells[k], i)
	}
	c := Clustering{Scale: scale}
	for _, k := range order {
		idx := cells[k]
		if len(idx) < clusterMin {
			c.Singles = append(c.Singles, idx...)
			continue
		}
		var sx, sy float64
		for _, i := range idx {
			xy := f.Project(ps[i].At)
			sx, sy = sx+xy.X, sy+xy.Y
		}
		n := float64(len(idx))
		c.Groups = append(c.Groups, Klont{At: XY{sx / n, sy / n}, N: len(idx)})
	}
	slices.Sort(c.Singles) // place order is label priority
	return c
}

// Window is a part of the drawing, in units; the zero Window means all of it.
type Window struct{ X0, Y0, X1, Y1 float64 }

func (w Window) all() bool { return w == Window{} }

func (w Window) contains(p XY, margin float64) bool {
	return w.all() || p.X >= w.X0-margin && p.X <= w.X1+margin && p.Y >= w.Y0-margin && p.Y <= w.Y1+margin
}

// Marks draws the singles and clusters of c that fall in w.
func Marks(f Frame, ps []atlas.Place, c Clustering, w Window) Group {
	g := Group{Class: "plekken"}
	margin := 2 * markRadius * c.Scale
	for _, i := range c.Singles {
		p := ps[i]
		if at := f.Project(p.At); w.contains(at, margin) {
			g.Items = append(g.Items, Mark{Class: "mark", ID: p.ID, Kind: p.Kind, Icon: iconFor(p.Kind, p.Tags), At: at, Title: p.Name})
		}
	}
	for _, k := range c.Groups {
		if w.contains(k.At, margin) {
			n := strconv.Itoa(k.N)
			g.Items = append(g.Items,
				Mark{Class: "klont", Icon: "klont", At: k.At, Title: n + " plekken — zoom in · " + n + " places — zoom in"},
				Text{Class: "klont-n", At: XY{k.At.X, k.At.Y + 3.5*c.Scale}, Anchor: "middle", S: n})
		}
	}
	return g
}
