package atlas

import "strconv"

// checkRing returns what is wrong with the shape of a closed ring of an
// area, or "": a ring that collapses to a line or crosses itself has no
// clear inside, so the drawing's fill would be a guess.
//
// It compares every pair of segments: a ring may have 2,000 positions
// (MaxFeatureVertices), at most 2 million pairs, most rejected by a bounding
// box test — not worth a sweep line for files a person draws.
func checkRing(ring []Point, area bool) (msg, hint string) {
	if !area {
		return "", ""
	}
	// Repeated positions make zero-length segments that touch both
	// neighbours; leave them out, but report the indexes as written.
	at := make([]int, 0, len(ring))
	for k, pt := range ring {
		if k == 0 || pt != ring[k-1] {
			at = append(at, k)
		}
	}
	if len(at) < 4 {
		return "ring has only " + strconv.Itoa(len(at)-1) + " different positions",
			"an area needs at least three corners; draw it as a line or remove it"
	}
	pt := func(k int) Point { return ring[at[k]] }
	seg := func(k int) int { return at[k+1] - 1 } // the segment as written
	n := len(at) - 1                              // segments; segment k joins pt(k) and pt(k+1)
	for a := 0; a < n; a++ {
		for b := a + 1; b < n; b++ {
			var meet bool
			switch {
			case b == a+1:
				meet = foldsBack(pt(a), pt(b), pt(b+1))
			case a == 0 && b == n-1:
				meet = foldsBack(pt(b), pt(0), pt(1))
			default:
				meet = segmentsMeet(pt(a), pt(a+1), pt(b), pt(b+1))
			}
			if meet {
				return "area crosses itself: segments " + strconv.Itoa(seg(a)) + " and " + strconv.Itoa(seg(b)) + " meet",
					"segment " + strconv.Itoa(seg(a)) + " joins positions " + strconv.Itoa(seg(a)) + " and " + strconv.Itoa(seg(a)+1) + "; move positions so the outline does not cross or touch itself, or split it into two areas"
			}
		}
	}
	return "", ""
}

// foldsBack reports whether the path a→b→c turns straight back on itself,
// so that the two segments overlap.
func foldsBack(a, b, c Point) bool {
	return orient(a, b, c) == 0 && (a.Lon-b.Lon)*(c.Lon-b.Lon)+(a.Lat-b.Lat)*(c.Lat-b.Lat) > 0
}

// segmentsMeet reports whether segments ab and cd cross or touch.
func segmentsMeet(a, b, c, d Point) bool {
	if max(a.Lon, b.Lon) < min(c.Lon, d.Lon) || max(c.Lon, d.Lon) < min(a.Lon, b.Lon) ||
		max(a.Lat, b.Lat) < min(c.Lat, d.Lat) || max(c.Lat, d.Lat) < min(a.Lat, b.Lat) {
		return false
	}
	d1, d2, d3, d4 := orient(c, d, a), orient(c, d, b), orient(a, b, c), orient(a, b, d)
	if (d1 > 0) != (d2 > 0) && (d3 > 0) != (d4 > 0) && d1 != 0 && d2 != 0 && d3 != 0 && d4 != 0 {
		return true
	}
	return d1 == 0 && within(c, d, a) || d2 == 0 && within(c, d, b) ||
		d3 == 0 && within(a, b, c) || d4 == 0 && within(a, b, d)
}

// orient is twice the signed area of triangle abc: positive when a→b→c
// turns counter-clockwise (east = x, north = y).
func orient(a, b, c Point) float64 {
	return (b.Lon-a.Lon)*(c.Lat-a.Lat) - (b.Lat-a.Lat)*(c.Lon-a.Lon)
}

// within reports whether p, collinear with ab, lies on segment ab.
func within(a, b, p Point) bool {
	return p.Lon >= min(a.Lon, b.Lon) && p.Lon <= max(a.Lon, b.Lon) &&
		p.Lat >= min(a.Lat, b.Lat) && p.Lat <= max(a.Lat, b.Lat)
}
