package atlas

import (
	"encoding/json"
	"fmt"
)

// geometry decodes and checks a geometry. Lines come back as parts; polygons
// as rings, with polygons the index of each exterior ring (nil for lines).
// Multi-geometries are flattened into parts.
func (p *parser) geometry(i int, id, name string, g *rawGeometry) (parts [][]Point, polygons []int, ok bool) {
	bad := func(msg, hint string) ([][]Point, []int, bool) {
		p.report(Error, i, id, name, msg, hint)
		return nil, nil, false
	}
	area := false
	var err error
	switch g.Type {
	case "Point":
		var c []float64
		if err = json.Unmarshal(g.Coordinates, &c); err == nil {
			parts = [][]Point{nil}
			var pt Point
			if pt, err = position(c); err == nil {
				parts[0] = []Point{pt}
			}
		}
	case "LineString":
		var c [][]float64
		if err = json.Unmarshal(g.Coordinates, &c); err == nil {
			parts = make([][]Point, 1)
			parts[0], err = positions(c)
		}
	case "MultiLineString", "Polygon":
		var c [][][]float64
		if err = json.Unmarshal(g.Coordinates, &c); err == nil {
			parts, err = positionLists(c)
		}
		if area = g.Type == "Polygon"; area && len(parts) > 0 {
			polygons = []int{0}
		}
	case "MultiPolygon":
		var c [][][][]float64
		if err = json.Unmarshal(g.Coordinates, &c); err == nil {
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
		area = true
	default:
		return bad(fmt.Sprintf("unsupported geometry type %q", g.Type), "use Point, LineString, Polygon or their Multi forms")
	}
	if err != nil {
		return bad(fmt.Sprintf("%s coordinates: %v", g.Type, err), "coordinates are [longitude, latitude] numbers")
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
				msg = fmt.Sprintf("ring %d: %s", r, msg)
			}
			return bad(msg, hint)
		}
	}
	if g.Type != "Point" {
		p.vertices += n
	}
	if n > p.opts.MaxFeatureVertices {
		return bad(fmt.Sprintf("has %d vertices, more than %d", n, p.opts.MaxFeatureVertices),
			"simplify it; a drawn street needs tens of points, not thousands")
	}
	if swapped(parts) {
		return bad("coordinates look like latitude, longitude for the Netherlands",
			"GeoJSON is [longitude, latitude]: swap the two numbers")
	}
	for _, part := range parts {
		for _, pt := range part {
			p.extent = p.extent.extend(pt, !p.extentSet)
			p.extentSet = true
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
		return fmt.Sprintf("%s with %d position(s)", typ, len(part)), "a line needs at least two positions"
	case area && len(part) < 4:
		return fmt.Sprintf("ring with %d positions", len(part)), "a ring needs at least four positions, the last equal to the first"
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
		return Point{}, fmt.Errorf("position has %d numbers, needs 2", len(c))
	}
	pt := Point{c[0], c[1]}
	if !validLonLat(pt) {
		return pt, fmt.Errorf("position %v is not a longitude, latitude in degrees", c[:2])
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
