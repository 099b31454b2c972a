// Package boundary decides where a buurt is: whether a point lies inside a
// map's boundary polygon, and which of a deployment's maps hold a point.
// It uses github.com/tidwall/geojson for the polygons (indexed rings, so a
// boundary of thousands of points is tested in microseconds) and
// github.com/tidwall/rtree over their bounding boxes, so a lookup over
// every buurt of the Netherlands (13,808) tests only the few whose boxes
// hold the point. Host side only: it never enters the browser's wasm.
package boundary

import (
	"errors"
	"fmt"

	"github.com/tidwall/geojson"
	"github.com/tidwall/geojson/geometry"
	"github.com/tidwall/rtree"
)

// Index holds boundaries by name (a map's slug) and finds the ones that
// hold a point. The zero Index is empty and ready to use.
type Index struct {
	tree  rtree.RTreeG[int]
	areas []area
	byKey map[string]int
}

type area struct {
	key string
	obj geojson.Object
}

// ErrNotArea is returned for GeoJSON that is not a Polygon or MultiPolygon
// (bare, or as a Feature's geometry).
var ErrNotArea = errors.New("boundary: not a Polygon or MultiPolygon")

// Parse reads one boundary: a GeoJSON Polygon or MultiPolygon, bare or as a
// Feature or a FeatureCollection's first feature.
func Parse(data string) (geojson.Object, error) {
	obj, err := geojson.Parse(data, &geojson.ParseOptions{IndexChildren: 64, IndexGeometry: 64, RequireValid: true})
	if err != nil {
		return nil, fmt.Errorf("boundary: %w", err)
	}
	switch o := obj.(type) {
	case *geojson.Feature:
		obj = o.Base()
	case *geojson.FeatureCollection:
		if kids := o.Children(); len(kids) > 0 {
			if f, ok := kids[0].(*geojson.Feature); ok {
				obj = f.Base()
			}
		}
	}
	switch obj.(type) {
	case *geojson.Polygon, *geojson.MultiPolygon:
		return obj, nil
	}
	return nil, ErrNotArea
}

// Add puts the boundary data (see Parse) in the index under key; a key
// added again is replaced.
func (ix *Index) Add(key, data string) error {
	obj, err := Parse(data)
	if err != nil {
		return err
	}
	if ix.byKey == nil {
		ix.byKey = map[string]int{}
	}
	if old, ok := ix.byKey[key]; ok {
		r := ix.areas[old].obj.Rect()
		ix.tree.Delete([2]float64{r.Min.X, r.Min.Y}, [2]float64{r.Max.X, r.Max.Y}, old)
	}
	i := len(ix.areas)
	ix.areas = append(ix.areas, area{key, obj})
	ix.byKey[key] = i
	r := obj.Rect()
	ix.tree.Insert([2]float64{r.Min.X, r.Min.Y}, [2]float64{r.Max.X, r.Max.Y}, i)
	return nil
}

// Which returns the keys of the boundaries that hold (lon, lat), edges
// included.
func (ix *Index) Which(lon, lat float64) []string {
	var out []string
	p := geometry.Point{X: lon, Y: lat}
	ix.tree.Search([2]float64{lon, lat}, [2]float64{lon, lat}, func(_, _ [2]float64, i int) bool {
		if ix.areas[i].obj.Spatial().IntersectsPoint(p) {
			out = append(out, ix.areas[i].key)
		}
		return true
	})
	return out
}

// Contains reports whether the boundary under key holds (lon, lat); known
// is false when there is no such boundary.
func (ix *Index) Contains(key string, lon, lat float64) (inside, known bool) {
	i, ok := ix.byKey[key]
	if !ok {
		return false, false
	}
	return ix.areas[i].obj.Spatial().IntersectsPoint(geometry.Point{X: lon, Y: lat}), true
}

// Len is how many boundaries the index holds.
func (ix *Index) Len() int { return len(ix.byKey) }
