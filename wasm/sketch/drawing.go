// Package sketch draws a buurt map: it turns places, base shapes and pins
// into a display list, and writes that list as SVG. Drawing is deterministic
// — the same map gives the same bytes — so the server's pre-rendered SVG
// and the browser's take-over match, and golden files stay stable.
package sketch

// Drawing is a display list: groups of items, bottom first.
type Drawing struct {
	Title         string
	Width, Height float64
	Groups        []Group
	Phone         bool // holds a phone version of places and names (Options.Phone): class "met-smal"
}

// Group is a named layer of items (an SVG <g>).
type Group struct {
	ID    string // the element id, when the page needs to find it
	Class string
	N     int // written as data-n when not 0: e.g. how many places a marks group draws
	Items []Item
}

// Item is one thing drawn.
type Item interface{ isItem() }

// Path is a line, or an area when Closed.
type Path struct {
	Class   string
	Pts     []XY
	Closed  bool
	Smooth  bool    // drawn as curves through the points' midpoints
	Width   float64 // stroke width in units; 0 leaves it to the style
	Strokes [][]XY  // loose straight strokes (hatching), drawn after Pts
}

// Text is a label.
type Text struct {
	Class  string
	At     XY
	Anchor string // "start", "middle" or "end"
	S      string
	Lines  []Line // further lines under the first, in the same column
	Name   Name   // for a place's name: which place, and the box it takes (not written)
	// Angle turns the text about At, in degrees clockwise (a street's
	// name along its street); Scale, if not 0, sizes it in the labels'
	// size (which the page's style sets for the zoom level).
	Angle, Scale float64
}

// Name ties a label to the place it names, with the box it takes in
// drawing units: a tap on a name opens its place (Hit).
type Name struct {
	Place          string // the place's id; empty for text that names none
	X0, Y0, X1, Y1 float64
}

// Line is a further line of a Text: DY below the line before it.
type Line struct {
	Class string
	DY    float64
	S     string
}

func (Path) isItem() {}
func (Text) isItem() {}
