package exchange

import (
	"fmt"
	"strconv"

	"github.com/buurtkaart/buurtkaart/wasm/atlas"
)

// osmElement is one OpenStreetMap element as Overpass JSON gives it; an
// .osm XML file is read into the same (osm_xml.go). A way has its
// positions in Geometry ('out geom') or refers to its nodes by id; a
// relation's members likewise carry their geometry or refer to ways.
type osmElement struct {
	Type     string            `json:"type"`
	ID       int64             `json:"id"`
	Lat      *float64          `json:"lat"`
	Lon      *float64          `json:"lon"`
	Center   *osmLatLon        `json:"center"`
	Tags     map[string]string `json:"tags"`
	Nodes    []int64           `json:"nodes"`
	Geometry []*osmLatLon      `json:"geometry"` // null where a node is outside the query's bbox
	Members  []osmMember       `json:"members"`
}

type osmLatLon struct{ Lat, Lon float64 }

type osmMember struct {
	Type     string       `json:"type"`
	Ref      int64        `json:"ref"`
	Role     string       `json:"role"`
	Geometry []*osmLatLon `json:"geometry"`
}

// osmIndex holds the positions of every node and way of a file, tagged or
// not, for the ways and relations that refer to them.
type osmIndex struct {
	nodes map[int64]atlas.Point
	ways  map[int64][]atlas.Point
}

// osmElements adds each tagged element; untagged nodes and ways are the
// geometry of others and not reported.
func (b *builder) osmElements(els []osmElement) {
	ix := osmIndex{nodes: map[int64]atlas.Point{}, ways: map[int64][]atlas.Point{}}
	for _, e := range els {
		if e.Type == "node" && e.Lat != nil && e.Lon != nil {
			ix.nodes[e.ID] = atlas.Point{Lon: *e.Lon, Lat: *e.Lat}
		}
	}
	for _, e := range els {
		if e.Type == "way" {
			if pts := ix.wayPoints(e.Geometry, e.Nodes); len(pts) > 0 {
				ix.ways[e.ID] = pts
			}
		}
	}
	for i, e := range els {
		if len(e.Tags) > 0 {
			b.element(where("element", i, e.Tags["name"]), e, &ix)
		}
	}
}

// element adds one tagged element: a node as a point, a way as a line or
// (closed, and an area by its tags) an area, a multipolygon relation as
// an area of its member ways joined into rings, any other relation (a
// walking route) as the lines of its ways.
func (b *builder) element(w string, e osmElement, ix *osmIndex) {
	r := osmReading(e.Tags, nil)
	id := e.Type + "/" + strconv.FormatInt(e.ID, 10)
	switch {
	case e.Type == "node" && e.Lat != nil && e.Lon != nil:
		b.feature(w, id, "Point", [][]atlas.Point{{{Lon: *e.Lon, Lat: *e.Lat}}}, nil, r)
		return
	case e.Type == "way":
		if pts := ix.ways[e.ID]; len(pts) >= 2 {
			closed := pts[0] == pts[len(pts)-1]
			if closed && len(pts) < 4 {
				b.note(atlas.Error, w, fmt.Sprintf("way with %d of its positions in the file; left out", len(pts)),
					"query Overpass with 'out geom' so every way comes with its positions")
				return
			}
			if closed && osmArea(e.Tags) {
				b.feature(w, id, "Polygon", [][]atlas.Point{pts}, []int{0}, r)
			} else {
				b.feature(w, id, "LineString", [][]atlas.Point{pts}, nil, r)
			}
			return
		}
	case e.Type == "relation":
		if b.relation(w, id, e, ix, r) {
			return
		}
	}
	if e.Center != nil && (r.kind != "" || r.layer == "") {
		// 'out center': a school or a club at its centre is still a place.
		b.feature(w, id, "Point", [][]atlas.Point{{{Lon: e.Center.Lon, Lat: e.Center.Lat}}}, nil, r)
		return
	}
	b.note(atlas.Error, w, fmt.Sprintf("%s without a position; left out", e.Type),
		"query Overpass with 'out geom' (or export GeoJSON from overpass-turbo)")
}

// relation adds a relation from its member ways; false when none of them
// has a position in the file.
func (b *builder) relation(w, id string, e osmElement, ix *osmIndex, r reading) bool {
	var outer, inner [][]atlas.Point
	ways, missing := 0, 0
	for _, m := range e.Members {
		if m.Type != "way" {
			continue // a route's stops, a multipolygon's label node
		}
		ways++
		pts := ix.wayPoints(m.Geometry, nil)
		if len(pts) == 0 {
			pts = ix.ways[m.Ref]
		}
		if len(pts) < 2 {
			missing++
			continue
		}
		if m.Role == "inner" {
			inner = append(inner, pts)
		} else {
			outer = append(outer, pts)
		}
	}
	if len(outer)+len(inner) == 0 {
		return false
	}
	if missing > 0 {
		b.note(atlas.Warning, w, fmt.Sprintf("%d of its %d ways are not in the file; drawn without them", missing, ways),
			"query Overpass with 'out geom' so every member comes with its positions")
	}
	switch e.Tags["type"] {
	case "multipolygon", "boundary":
		parts, polygons, open := polygonsOf(joinWays(outer), joinWays(inner))
		if open > 0 {
			b.note(atlas.Warning, w, fmt.Sprintf("%d ring(s) of its ways do not close; closed them", open), "")
		}
		if len(parts) == 0 {
			b.note(atlas.Error, w, "its ways in the file make no ring; left out", "")
			return true
		}
		b.feature(w, id, "MultiPolygon", parts, polygons, r)
	default:
		b.feature(w, id, "MultiLineString", joinWays(append(outer, inner...)), nil, r)
	}
	return true
}

// wayPoints are a way's positions: its geometry, else its nodes looked up.
func (ix *osmIndex) wayPoints(geom []*osmLatLon, nodes []int64) []atlas.Point {
	var pts []atlas.Point
	for _, g := range geom {
		if g != nil {
			pts = append(pts, atlas.Point{Lon: g.Lon, Lat: g.Lat})
		}
	}
	if len(geom) > 0 {
		return pts
	}
	for _, n := range nodes {
		if p, ok := ix.nodes[n]; ok {
			pts = append(pts, p)
		}
	}
	return pts
}

// osmArea reports whether a closed way is an area rather than a loop of
// street, following OSM's convention: area=yes says so, highway and
// barrier ways are lines unless it does, and building, landuse, leisure,
// natural, amenity and the like are areas.
func osmArea(tags map[string]string) bool {
	switch {
	case tags["area"] == "yes":
		return true
	case tags["area"] == "no", tags["highway"] != "", tags["barrier"] != "", tags["waterway"] != "":
		return false
	}
	for _, k := range []string{"building", "landuse", "leisure", "natural", "amenity", "shop", "place", "man_made", "tourism", "historic"} {
		if tags[k] != "" {
			return true
		}
	}
	return false
}
