package sketch

import (
	"math"

	"github.com/buurtkaart/buurtkaart/wasm/atlas"
)

// XY is a position in drawing units: x right, y down, as in SVG.
type XY struct{ X, Y float64 }

// Frame maps lon/lat onto the drawing. A buurt is a few kilometres across,
// so a plain equirectangular projection scaled by cos(latitude) is accurate
// to well under a pixel and, unlike Web Mercator, trivially invertible.
type Frame struct {
	Bounds        atlas.BBox
	Width, Height float64 // in drawing units
	Margin        float64
	scale, kx     float64 // units per degree latitude; cos(mid latitude)
}

// NewFrame fits bounds into a drawing width units wide, with a margin on every side.
func NewFrame(b atlas.BBox, width, margin float64) Frame {
	kx := math.Cos((b.S + b.N) / 2 * math.Pi / 180)
	scale := (width - 2*margin) / ((b.E - b.W) * kx)
	return Frame{Bounds: b, Width: width, Height: math.Round((b.N-b.S)*scale + 2*margin),
		Margin: margin, scale: scale, kx: kx}
}

// Project returns where p is drawn.
func (f Frame) Project(p atlas.Point) XY {
	return XY{f.Margin + (p.Lon-f.Bounds.W)*f.kx*f.scale, f.Margin + (f.Bounds.N-p.Lat)*f.scale}
}

// Unproject returns the lon/lat drawn at xy: where a tap lands.
func (f Frame) Unproject(xy XY) atlas.Point {
	return atlas.Point{Lon: f.Bounds.W + (xy.X-f.Margin)/(f.kx*f.scale), Lat: f.Bounds.N - (xy.Y-f.Margin)/f.scale}
}
