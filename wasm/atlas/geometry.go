package atlas

import (
	"errors"
	"strconv"

	"github.com/paulmach/orb"

	"github.com/buurtkaart/buurtkaart/wasm/internal/rawjson"
)

// UnsupportedGeometry is DecodeGeometry's error for a type other than
// Point, LineString, Polygon and their Multi forms.
type UnsupportedGeometry string

func (t UnsupportedGeometry) Error() string {
	return "unsupported geometry type " + strconv.Quote(string(t))
}

// DecodeGeometry reads a GeoJSON geometry's coordinates: lines come back as
// parts, polygons as rings with polygons the index of each exterior ring
// (nil for lines); multi-geometries are flattened into parts, a Point is
// one part of one position. Positions must be longitude, latitude in
// degrees; nothing else is checked (Parse checks rings and sizes). It is
// the one GeoJSON geometry reader of buurtkaart: map files, imports
// (wasm/exchange) and pins (wasm/pin) all read through it.
func DecodeGeometry(typ string, coordinates []byte) (parts [][]Point, polygons []int, err error) {
	switch typ {
	case "Point":
		var c []float64
		if err = decode(coordinates, numbers(&c)); err == nil {
			var pt Point
			if pt, err = position(c); err == nil {
				parts = [][]Point{{pt}}
			}
		}
	case "LineString":
		var c [][]float64
		if err = decode(coordinates, lists(&c, "[][]float64", numbers)); err == nil {
			parts = make([][]Point, 1)
			parts[0], err = positions(c)
		}
	case "MultiLineString", "Polygon":
		var c [][][]float64
		if err = decode(coordinates, lists(&c, "[][][]float64", rings)); err == nil {
			parts, err = positionLists(c)
		}
		if typ == "Polygon" && len(parts) > 0 {
			polygons = []int{0}
		}
	case "MultiPolygon":
		var c [][][][]float64
		if err = decode(coordinates, lists(&c, "[][][][]float64", polygonsOf)); err == nil {
			for _, poly := range c {
				var rings [][]Point
				if rings, err = positionLists(poly); err != nil {
					break
				}
				if len(rings) > 0 {
					polygons = append(polygons, len(parts))
				}
				parts = append(parts, rings...)
			}
		}
	default:
		return nil, nil, UnsupportedGeometry(typ)
	}
	if err != nil {
		return nil, nil, err
	}
	return parts, polygons, nil
}

// lists decodes a JSON array of elements, each read by elem, as
// json.Unmarshal into a slice of Go type typ.
func lists[T any](s *[]T, typ string, elem func(*T) decoder) decoder {
	return func(d *rawjson.Decoder, v []byte) {
		rawjson.Slice(d, v, s, typ, func(d *rawjson.Decoder, v []byte, e *T) { elem(e)(d, v) })
	}
}

func rings(s *[][]float64) decoder { return lists(s, "[][]float64", numbers) }

func polygonsOf(s *[][][]float64) decoder { return lists(s, "[][][]float64", rings) }

// geometry decodes and checks a geometry (DecodeGeometry), reporting what
// is wrong as a diagnostic of feature i.
func (p *parser) geometry(i int, id, name string, g *rawGeometry) (parts [][]Point, polygons []int, ok bool) {
	bad := func(msg, hint string) ([][]Point, []int, bool) {
		p.report(Error, i, id, name, msg, hint)
		return nil, nil, false
	}
	area := g.Type == "Polygon" || g.Type == "MultiPolygon"
	parts, polygons, err := DecodeGeometry(g.Type, g.Coordinates)
	if _, unsupported := err.(UnsupportedGeometry); unsupported {
		return bad(err.Error(), "use Point, LineString, Polygon or their Multi forms")
	}
	if err != nil {
		return bad(string(g.Type)+" coordinates: "+err.Error(), "coordinates are [longitude, latitude] numbers")
	}
	if len(parts) == 0 {
		return bad(g.Type+" has no positions", "draw it, or remove the feature")
	}
	n := 0
	for r, part := range parts {
		n += len(part)
		if msg, hint := p.checkPart(part, g.Type, area); msg != "" {
			return bad(msg, hint)
		}
		if msg, hint := checkRing(part, area); msg != "" {
			if len(parts) > 1 {
				msg = "ring " + strconv.Itoa(r) + ": " + msg
			}
			return bad(msg, hint)
		}
	}
	if g.Type != "Point" {
		p.vertices += n
	}
	if n > p.opts.MaxFeatureVertices {
		return bad("has "+strconv.Itoa(n)+" vertices, more than "+strconv.Itoa(p.opts.MaxFeatureVertices),
			"simplify it; a drawn street needs tens of points, not thousands")
	}
	if swapped(parts) {
		return bad("coordinates look like latitude, longitude for the Netherlands",
			"GeoJSON is [longitude, latitude]: swap the two numbers")
	}
	for _, part := range parts {
		for _, pt := range part {
			if !p.extentSet {
				p.extent, p.extentSet = orb.Point{pt.Lon, pt.Lat}.Bound(), true
			}
			p.extent = p.extent.Extend(orb.Point{pt.Lon, pt.Lat})
		}
	}
	return parts, polygons, true
}

// checkPart returns what is wrong with one line or ring, or "".
func (p *parser) checkPart(part []Point, typ string, area bool) (msg, hint string) {
	switch {
	case typ == "Point":
		return "", ""
	case !area && len(part) < 2:
		return string(typ) + " with " + strconv.Itoa(len(part)) + " position(s)", "a line needs at least two positions"
	case area && len(part) < 4:
		return "ring with " + strconv.Itoa(len(part)) + " positions", "a ring needs at least four positions, the last equal to the first"
	case area && part[0] != part[len(part)-1]:
		return "ring is not closed", "repeat the first position at the end of the ring"
	}
	return "", ""
}

// swapped reports whether every position of a geometry lies in the
// Netherlands only if read as lat, lon — the most common GeoJSON mistake.
func swapped(parts [][]Point) bool {
	for _, part := range parts {
		for _, pt := range part {
			if !inNL(Point{pt.Lat, pt.Lon}) || inNL(pt) {
				return false
			}
		}
	}
	return true
}

// inNL is a generous box around the European Netherlands.
func inNL(p Point) bool { return p.Lon >= 3.0 && p.Lon <= 7.5 && p.Lat >= 50.5 && p.Lat <= 53.8 }

func position(c []float64) (Point, error) {
	if len(c) < 2 {
		return Point{}, errors.New("position has " + strconv.Itoa(len(c)) + " numbers, needs 2")
	}
	pt := Point{c[0], c[1]}
	if !validLonLat(pt) {
		return pt, errors.New("position " + vector(c[:2]) + " is not a longitude, latitude in degrees")
	}
	return pt, nil
}

func positions(c [][]float64) ([]Point, error) {
	pts := make([]Point, len(c))
	for i, v := range c {
		var err error
		if pts[i], err = position(v); err != nil {
			return nil, err
		}
	}
	return pts, nil
}

func positionLists(c [][][]float64) ([][]Point, error) {
	out := make([][]Point, len(c))
	for i, v := range c {
		var err error
		if out[i], err = positions(v); err != nil {
			return nil, err
		}
	}
	return out, nil
}
