package sketch

import (
	"math"
	"slices"
	"strconv"
	"strings"

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

// clusterReach is how near (screen units) places must be to a leader to
// count as crowded, and clusterMin the fewest crowded places that make a
// cluster: 24 keeps the Schilderswijk sample (68 places) unclustered at the
// whole-buurt view on a laptop (see the golden SVG); a map of 10,000 places
// is mostly clusters there. Crowded places are then gathered from
// gatherReach around a leader, so a dense map shows some hundred clusters,
// not a thousand touching ones.
const (
	clusterReach = 24
	clusterMin   = 3
	gatherReach  = 64
)

// namedApart is how far apart (screen units) the leaders are that a dense
// map draws and names beside their clusters: the gathering's reach, so
// every cluster far enough from the next shows its leader. 10,000 places
// at the whole-buurt view: 183 named at scale 1, 96 at 1.3 (80 named 46).
const namedApart = 64

// Cluster groups the places that are not hidden for a zoom level (scale =
// drawing units per screen unit). Places join the nearest leader within
// reach, in priority (file) order, so groups follow the data, never a
// square grid. A group too small to crowd the screen is drawn place by
// place; crowded places are gathered into clusters with their count, and a
// cluster's leader, its most important place, is drawn and named beside it
// where such leaders are namedApart. A pin that waits (not sent yet, or for
// a keeper) is only this device's and always drawn on its own: its maker
// must see it was kept.
func Cluster(f Frame, ps []atlas.Place, scale float64, hidden map[kind.Kind]bool) Clustering {
	// Singles is never nil: LabelOptions.Only nil would mean every place,
	// and a map all in clusters (10,000 places at the whole-buurt view)
	// must label none of the clustered ones, not try all 10,000.
	c := Clustering{Scale: scale, Singles: []int{}}
	at := make([]XY, len(ps))
	var shown []int
	for i, p := range ps {
		if hidden[p.Kind] {
			continue
		}
		if p.Pin == atlas.PinWaiting {
			c.Singles = append(c.Singles, i)
			continue
		}
		at[i] = f.Project(p.At)
		shown = append(shown, i)
	}
	var crowded []int
	for _, g := range leaderGroups(at, shown, clusterReach*scale) {
		if len(g) < clusterMin {
			c.Singles = append(c.Singles, g...)
		} else {
			crowded = append(crowded, g...)
		}
	}
	slices.Sort(crowded) // back in priority order: leaders are the most important
	named := newHashGrid(namedApart * scale)
	for _, g := range leaderGroups(at, crowded, gatherReach*scale) {
		rest := g
		if lead := at[g[0]]; !named.within(lead, namedApart*scale) {
			named.add(lead, 0)
			c.Singles = append(c.Singles, g[0])
			rest = g[1:]
		}
		if len(rest) < clusterMin {
			c.Singles = append(c.Singles, rest...)
			continue
		}
		c.Groups = append(c.Groups, Klont{At: beside(centroid(at, rest), at[g[0]], len(rest) < len(g), scale), N: len(rest)})
	}
	slices.Sort(c.Singles) // place order is label priority
	return c
}

// leaderGroups gathers the places idx (in priority order): each joins the
// nearest leader within reach, or leads a group of its own. Each group
// lists its leader first.
func leaderGroups(at []XY, idx []int, reach float64) [][]int {
	var groups [][]int
	leaders := newHashGrid(reach)
	for _, i := range idx {
		if g, ok := leaders.nearest(at[i], reach); ok {
			groups[g] = append(groups[g], i)
			continue
		}
		leaders.add(at[i], len(groups))
		groups = append(groups, []int{i})
	}
	return groups
}

// centroid is the mean position of the places idx. (orb's
// planar.CentroidArea gives the same for a MultiPoint, but its type switch
// panics through fmt.Sprintf, and that alone kept fmt and reflect in the
// browser's wasm: 789 → 730 KB brotli without it, measured.)
func centroid(at []XY, idx []int) XY {
	var c XY
	for _, i := range idx {
		c.X += at[i].X
		c.Y += at[i].Y
	}
	n := float64(len(idx))
	return XY{c.X / n, c.Y / n}
}

// beside moves a cluster drawn beside its leader's mark (when pulledOut)
// away from it until they no longer touch.
func beside(k, lead XY, pulledOut bool, scale float64) XY {
	if !pulledOut {
		return k
	}
	need := (markRadius + klontRadius + 2) * scale
	dx, dy := k.X-lead.X, k.Y-lead.Y
	d := math.Hypot(dx, dy)
	if d >= need {
		return k
	}
	if d < 1e-9 {
		dx, dy, d = 1, 0, 1 // the same spot: to the right
	}
	return XY{lead.X + dx/d*need, lead.Y + dy/d*need}
}

// Window is a part of the drawing, in units; the zero Window means all of it.
type Window struct{ X0, Y0, X1, Y1 float64 }

func (w Window) all() bool { return w == Window{} }

func (w Window) contains(p XY, margin float64) bool {
	return w.all() || p.X >= w.X0-margin && p.X <= w.X1+margin && p.Y >= w.Y0-margin && p.Y <= w.Y1+margin
}

// Marks draws the singles and clusters of c that fall in w. All copies of
// one pictogram in one kind's colour become one Plate (see plate.go);
// clusters get their counts in handwritten figures, one plate for all. The group's N is the number of places
// drawn, clustered ones included.
func Marks(f Frame, ps []atlas.Place, c Clustering, w Window) Group {
	g := Group{Class: "plekken"}
	margin := 2 * markRadius * c.Scale
	type plateKey struct {
		icon, class string
		part        int
	}
	plates := map[plateKey]*strings.Builder{} // icon, kind and part → path data
	add := func(icon, class string, at XY, s float64) {
		for pi, part := range iconParts[icon] {
			key := plateKey{icon, class, pi}
			b := plates[key]
			if b == nil {
				b = &strings.Builder{}
				plates[key] = b
			}
			place(b, part.d, s, at.X, at.Y)
		}
	}
	for _, i := range c.Singles {
		p := ps[i]
		if at := f.Project(p.At); w.contains(at, margin) {
			add(Pictogram(p), string(p.Kind), at, c.Scale)
			switch p.Pin {
			case atlas.PinShown:
				add("p-voet", "pin", at, c.Scale)
			case atlas.PinWaiting:
				add("p-voet", "wachtend", at, c.Scale)
			}
			g.N++
		}
	}
	var counts strings.Builder
	for _, k := range c.Groups {
		if w.contains(k.At, margin) {
			add("klont", "klont", k.At, c.Scale)
			writeNumber(&counts, strconv.Itoa(k.N), c.Scale, k.At.X, k.At.Y)
			g.N += k.N
		}
	}
	for _, icon := range iconOrder {
		for _, class := range markClasses {
			for pi, part := range iconParts[icon] {
				b := plates[plateKey{icon, class, pi}]
				if b == nil {
					continue
				}
				cl := "mark " + class
				if part.line {
					cl = "mark-lijn"
				}
				g.Items = append(g.Items, Plate{Class: cl, D: b.String()})
			}
		}
	}
	if counts.Len() > 0 {
		g.Items = append(g.Items, Plate{Class: "klont-n", D: counts.String()})
	}
	return g
}

// markClasses are the classes plates are written in, in order: the five
// kinds, residents' pin feet (shown and waiting) and clusters.
var markClasses = []string{"talent", "verband", "plek", "verhaal", "partner", "pin", "wachtend", "klont"}

// Hit finds what a tap at (x, y) in drawing units touches at the zoom level
// of c, given the names drawn for it (a Labels group): a place whose mark
// is under the tap, else a place whose name is, else the nearest place
// whose mark is within reach (drawing units: a finger's 22 px is wider than
// a mark), else whether it is on a cluster. One test for places, residents'
// pins and names, so a tap opens what it lands on and only a tap on empty
// paper is left to start a new pin.
func Hit(f Frame, ps []atlas.Place, c Clustering, names Group, at XY, reach float64) (id string, klont bool) {
	nearest, best := "", math.Inf(1)
	for _, i := range c.Singles {
		p := f.Project(ps[i].At)
		if d := math.Hypot(p.X-at.X, p.Y-at.Y); d < best {
			best, nearest = d, ps[i].ID
		}
	}
	if best <= markRadius*c.Scale*1.33 {
		return nearest, false
	}
	pad := 2 * c.Scale
	for _, it := range names.Items {
		if t, ok := it.(Text); ok && t.Name.Place != "" &&
			at.X >= t.Name.X0-pad && at.X <= t.Name.X1+pad && at.Y >= t.Name.Y0-pad && at.Y <= t.Name.Y1+pad {
			return t.Name.Place, false
		}
	}
	if best <= reach {
		return nearest, false
	}
	r := max(10.5*c.Scale, reach) // the cluster pictogram's radius, or a finger's reach
	for _, k := range c.Groups {
		if math.Hypot(k.At.X-at.X, k.At.Y-at.Y) <= r {
			return "", true
		}
	}
	return "", false
}
