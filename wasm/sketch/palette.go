package sketch

import (
	"github.com/buurtkaart/buurtkaart/wasm/atlas"
	"github.com/buurtkaart/buurtkaart/wasm/kind"
)

// Palette is the inks a map is drawn in, for every medium: the screen's
// stylesheet (web/style.css) writes Colour's values by class, a test keeps
// the two alike; the poster writes them on every item it draws. So a
// resident sees one legend on the phone and on the wall.
type Palette struct {
	Paper string // the paper: the map's ground and the halo round names
	Ink   string // lines, the outlines of marks, names
	Soft  string // street names, leaders, a street's second stroke
	Note  string // notes written in the map
	Pin   string // the foot of a resident's pin
	Light string // the paper of a cluster's lump and a waiting pin's foot
	Kinds [5]string
	// Layers are the base's inks in atlas.Layers order (groen, water,
	// gebouw, straat, route).
	Layers [5]LayerInk
	_      [0]func() // not comparable: Go then writes no equality code for it (1.5 KB of wasm)
}

// LayerInk is how one layer of the base is inked.
type LayerInk struct {
	Line  string  // the outline of an area, or the line
	Width float64 // its width in drawing units; 0: the item's own (a street's varies)
	Fill  string  // an area's fill; "" for none
	Hatch string  // an area's hatching
	// HatchWidth is the hatching's width in drawing units.
	HatchWidth float64
	Dot        [2]float64 // a dotted line's dash and gap in units; zero: solid
	_          [0]func()
}

// Colour is the map in colour: on screen and on the poster.
var Colour = Palette{
	Paper: "#fbf6e9", Ink: "#2b2724", Soft: "#6b625a", Note: "#4a433d", Pin: "#c0392b", Light: "#fffdf7",
	// talent, verband, plek, verhaal, partner
	Kinds: [5]string{"#f08c3a", "#5aa0dd", "#7cc06b", "#c48ad8", "#f2cf4a"},
	Layers: [5]LayerInk{
		{Line: "#4f7d3a", Width: 1.2, Fill: "#eef3df", Hatch: "#86a96f", HatchWidth: 0.7},
		{Line: "#3f7fae", Width: 1.6, Fill: "#e3eef4", Hatch: "#7fb0d0", HatchWidth: 0.6},
		{Line: "#5b4a3c", Width: 1.3, Fill: "#f1e7d6", Hatch: "#a38f7a", HatchWidth: 0.5},
		{Line: "#3a3530"},
		{Line: "#b5541d", Width: 1.8, Dot: [2]float64{1, 5}},
	},
}

// Black is the map in black ink, for a copy shop's black-and-white
// printer: greys only. The kinds keep their shapes (star, three heads,
// house, speech bubble, building) and get five greys far enough apart to
// tell on a photocopy; the areas keep their hatching, whose direction
// and density already differ by layer (hatching).
var Black = Palette{
	Paper: "#ffffff", Ink: "#000000", Soft: "#4d4d4d", Note: "#262626", Pin: "#000000", Light: "#ffffff",
	Kinds: [5]string{"#8c8c8c", "#c4c4c4", "#ffffff", "#a6a6a6", "#e3e3e3"},
	Layers: [5]LayerInk{
		{Line: "#000000", Width: 1.2, Hatch: "#4d4d4d", HatchWidth: 0.6},
		{Line: "#000000", Width: 1.6, Hatch: "#000000", HatchWidth: 0.5},
		{Line: "#000000", Width: 1.3, Fill: "#f2f2f2", Hatch: "#333333", HatchWidth: 0.5},
		{Line: "#000000"},
		{Line: "#000000", Width: 1.8, Dot: [2]float64{1, 5}},
	},
}

// Kind is the fill of k's pictogram; the ink for anything else.
func (p *Palette) Kind(k kind.Kind) string {
	for i, v := range kind.All {
		if v == k {
			return p.Kinds[i]
		}
	}
	return p.Ink
}

// Layer is how l is inked.
func (p *Palette) Layer(l atlas.Layer) LayerInk {
	for i, v := range atlas.Layers {
		if v == l && i < len(p.Layers) {
			return p.Layers[i]
		}
	}
	return LayerInk{Line: p.Ink}
}
