//go:build js && wasm

// Command wasm is the browser entry of buurtkaart: one bridge object,
// globalThis.buurtkaart, through which the page asks the Go core to draw.
// Data crosses as strings (GeoJSON, SVG, JSON); every call is synchronous
// and fast, and a panic comes back as an {error} value instead of killing
// the runtime. The methods are documented in web/buurtkaart.d.ts.
package main

import (
	"math"
	"strconv"
	"strings"
	"syscall/js"
	"time"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"

	"github.com/buurtkaart/buurtkaart/wasm/atlas"
	"github.com/buurtkaart/buurtkaart/wasm/card"
	"github.com/buurtkaart/buurtkaart/wasm/internal/rawjson"
	"github.com/buurtkaart/buurtkaart/wasm/jsbridge"
	"github.com/buurtkaart/buurtkaart/wasm/kind"
	"github.com/buurtkaart/buurtkaart/wasm/pin"
	"github.com/buurtkaart/buurtkaart/wasm/sketch"
)

// bridge is the state behind the bridge object: the loaded map and its frame.
type bridge struct {
	m        *atlas.Map
	places   []atlas.Place    // the map's places, then residents' pins (setPins): every view reads these
	mine     map[string]bool  // pins made on this device
	boundary orb.MultiPolygon // the buurt's boundary (load), or nil: the bbox decides
	names    sketch.Group     // the names last laid out (labels), which a tap may hit
	drawing  *sketch.Drawing
	frame    sketch.Frame
	streets  [][4]float64                 // the map's streets, which names keep off (sketch.Streets)
	named    []sketch.Street              // the named streets, whose names are written along them (sketch.NamedStreets)
	labels   map[string]sketch.Group      // laid-out labels by scale, filter and window: panning within a window never re-lays out
	layouts  map[string]sketch.Group      // whole-drawing label layouts by scale and filter (maps up to smallMap places)
	groups   map[string]sketch.Clustering // clusterings by scale and filter
	byID     map[string]int               // place id → index in m.Places
}

func main() {
	b := &bridge{}
	api := map[string]any{
		"version": "0.1.0",
		"load":    method(b.load),
		"svg":     method(b.svg),
		"setPins": method(b.setPins),
		"counts":  method(b.counts),
		"lonLat":  method(b.lonLat),
		"xy":      method(b.xy),
		"check":   method(b.check),
		"labels":  method(b.labelsAt),
		"marks":   method(b.marksAt),
		"hit":     method(b.hit),
		"place":   method(b.place),
		"search":  method(b.search),
		"links":   method(b.links),
	}
	jsbridge.Serve(api)
}

// method wraps a bridge method: panics come back to JS as {error}.
var method = jsbridge.Method

// load(geojson: string, boundary?: string) → {diagnostics: string[], places: number, error?: string}
//
// boundary, if given, is the buurt's GeoJSON Polygon or MultiPolygon (the
// server's boundary.geojson): check() refuses spots outside it, as the
// server does.
func (b *bridge) load(args []js.Value) any {
	b.boundary = nil
	if len(args) > 1 && args[1].Type() == js.TypeString && args[1].String() != "" {
		b.boundary = readBoundary(args[1].String())
	}
	m, answer := jsbridge.Load(args[0].String())
	if m == nil {
		return answer
	}
	b.m = m
	// Drawn when svg() is first asked for: the page keeps the server's
	// drawing of the same file (web/core.js, takeOver), so a phone's first
	// load skips it.
	b.drawing, b.frame = nil, sketch.PageOptions().Frame(m)
	b.streets = sketch.Streets(b.frame, m.Shapes)
	b.named = sketch.NamedStreets(b.frame, m.Shapes)
	b.setPlaces(m.Places)
	return answer
}

// setPlaces makes ps what every view reads, and forgets the layouts made
// for the places before.
func (b *bridge) setPlaces(ps []atlas.Place) {
	b.places = ps
	b.labels = map[string]sketch.Group{}
	b.layouts = map[string]sketch.Group{}
	b.groups = map[string]sketch.Clustering{}
	b.names = sketch.Group{}
	b.byID = make(map[string]int, len(ps))
	for i, p := range ps {
		if _, dup := b.byID[p.ID]; !dup {
			b.byID[p.ID] = i
		}
	}
}

// svg() → the whole map as an SVG string, byte-identical to the pre-render.
func (b *bridge) svg(args []js.Value) any {
	if b.m == nil {
		return map[string]any{"error": "no map loaded"}
	}
	if b.drawing == nil {
		b.drawing, _ = sketch.Map(b.m, sketch.PageOptions())
	}
	var sb strings.Builder
	sketch.WriteSVG(&sb, b.drawing)
	return sb.String()
}

// setPins(collection: string, pending?: string[], mine?: string[]) → {places}
//
// Residents' pins (a GeoJSON FeatureCollection as GET api/pins returns it,
// plus this device's pins not yet sent or waiting for a keeper) become
// places of the map after its own: marks, names, taps, search and cards
// treat them alike, and a drawn place keeps its name first where both
// would fit. Ids in pending are drawn as waiting; ids in mine are this
// device's (place().mine). A pin with a drawn place's id is left out.
func (b *bridge) setPins(args []js.Value) any {
	if b.m == nil {
		return map[string]any{"error": "no map loaded"}
	}
	ps, err := pin.ParseCollection([]byte(args[0].String()))
	if err != nil {
		return map[string]any{"error": "setPins: " + err.Error()}
	}
	pending := stringSet(args, 1)
	b.mine = stringSet(args, 2)
	all := append(make([]atlas.Place, 0, len(b.m.Places)+len(ps)), b.m.Places...)
	seen := make(map[string]bool, len(all)+len(ps))
	for _, p := range all {
		seen[p.ID] = true
	}
	for _, p := range ps {
		if seen[p.ID] {
			continue
		}
		seen[p.ID] = true
		pl := p.Place()
		if pending[p.ID] {
			pl.Pin = atlas.PinWaiting
		}
		all = append(all, pl)
	}
	b.setPlaces(all)
	return map[string]any{"places": len(all)}
}

// stringSet reads args[i], an array of strings, as a set; absent is empty.
func stringSet(args []js.Value, i int) map[string]bool {
	set := map[string]bool{}
	if len(args) > i && args[i].Type() == js.TypeObject {
		for j := 0; j < args[i].Length(); j++ {
			set[args[i].Index(j).String()] = true
		}
	}
	return set
}

// counts(hidden?) → {talent: n, …}: the places of each kind, residents'
// pins included, for the legend.
func (b *bridge) counts(args []js.Value) any {
	out := map[string]any{}
	for _, k := range kind.All {
		out[string(k)] = 0
	}
	for _, p := range b.places {
		out[string(p.Kind)] = out[string(p.Kind)].(int) + 1
	}
	return out
}

// lonLat(x, y) → [lon, lat] of a spot in drawing units, rounded to 6 decimals (~10 cm).
func (b *bridge) lonLat(args []js.Value) any {
	p := b.frame.Unproject(sketch.XY{X: args[0].Float(), Y: args[1].Float()})
	return []any{round6(p.Lon), round6(p.Lat)}
}

// xy(lon, lat) → [x, y] in drawing units: where a position is drawn, the
// inverse of lonLat. The page needs it to show the phone's GPS position and
// its accuracy on the map during a walk.
func (b *bridge) xy(args []js.Value) any {
	p := b.frame.Project(atlas.Point{Lon: args[0].Float(), Lat: args[1].Float()})
	return []any{p.X, p.Y}
}

// check(pinJSON: string) → null, or {code, nl, en} saying why the server would refuse it.
func (b *bridge) check(args []js.Value) any {
	rules := pin.Rules{}
	if b.m != nil {
		rules.Bounds = b.m.Bounds
	}
	data := []byte(args[0].String())
	_, pr := pin.Decode(data, rules, zeroTime)
	if at := pin.Position(data); pr == nil && b.boundary != nil && !planar.MultiPolygonContains(b.boundary, orb.Point{at.Lon, at.Lat}) {
		pr = pin.OutsideBoundary // judged where the resident tapped, as the server does
	}
	if pr != nil { // the Problem's JSON, as the server sends it
		return map[string]any{"code": pr.Code, "nl": pr.NL, "en": pr.EN}
	}
	return nil
}

// readBoundary reads a GeoJSON Polygon or MultiPolygon with the one
// geometry reader (atlas.DecodeGeometry); nil when it cannot.
func readBoundary(data string) orb.MultiPolygon {
	var typ string
	var coordinates []byte
	if rawjson.Check([]byte(data)) != nil {
		return nil
	}
	var d rawjson.Decoder // as json.Unmarshal into struct{Type string; Coordinates json.RawMessage}
	d.Object(rawjson.Trim([]byte(data)), "struct", func(k string, v []byte) {
		switch rawjson.Match(k, "type", "coordinates") {
		case 0:
			d.String(v, &typ)
		case 1:
			coordinates = v
		}
	})
	if d.Err() != nil {
		return nil
	}
	parts, polygons, err := atlas.DecodeGeometry(typ, coordinates)
	if err != nil || len(polygons) == 0 {
		return nil
	}
	var mp orb.MultiPolygon
	for i, start := range polygons {
		end := len(parts)
		if i+1 < len(polygons) {
			end = polygons[i+1]
		}
		var poly orb.Polygon
		for _, ring := range parts[start:end] {
			r := make(orb.Ring, len(ring))
			for k, pt := range ring {
				r[k] = orb.Point{pt.Lon, pt.Lat}
			}
			poly = append(poly, r)
		}
		mp = append(mp, poly)
	}
	return mp
}

// zeroTime stamps pins checked in the browser; the server sets the real time.
var zeroTime time.Time

func round6(v float64) float64 { return math.Round(v*1e6) / 1e6 }

// view reads the arguments shared by labels and marks: (scale, hidden:
// string[], x0, y0, x1, y1) — the zoom level, the kinds filtered out and the
// part of the drawing on screen.
func (b *bridge) view(args []js.Value) (scale float64, hidden map[kind.Kind]bool, key string, w sketch.Window) {
	scale = args[0].Float()
	hidden = map[kind.Kind]bool{}
	key = strconv.FormatFloat(scale, 'f', 4, 64)
	if len(args) > 1 && args[1].Type() == js.TypeObject {
		for i := 0; i < args[1].Length(); i++ {
			k := kind.Kind(args[1].Index(i).String())
			hidden[k] = true
			key += "," + string(k)
		}
	}
	if len(args) > 5 {
		w = sketch.Window{X0: args[2].Float(), Y0: args[3].Float(), X1: args[4].Float(), Y1: args[5].Float()}
	}
	return scale, hidden, key, w
}

// clustering returns the (cached) clustering for a zoom level and filter.
func (b *bridge) clustering(scale float64, hidden map[kind.Kind]bool, key string) sketch.Clustering {
	c, ok := b.groups[key]
	if !ok {
		c = sketch.Cluster(b.frame, b.places, scale, hidden)
		if len(b.groups) >= maxCached {
			clear(b.groups)
		}
		b.groups[key] = c
	}
	return c
}

// smallMap is the most unclustered places whose labels are laid out for the whole
// drawing at once: then labels never move while panning. 2,500 covers any
// buurt we know of at every zoom level, for ~5 ms per 1,000 labels, once
// per level (cached). Bigger maps lay out a window of 3×3 screens around
// the view, so the cost follows the screen, not the data; their labels can
// change when the view crosses into another window.
const smallMap = 2500

// maxCached bounds the label caches: enough for every zoom level and filter
// a visitor uses, while a window being resized (a new scale each time)
// cannot grow them without end.
const maxCached = 256

// labels(scale, hidden, x0, y0, x1, y1) → the <g class="labels"> element for a
// zoom level (scale = drawing units per screen unit; 1 = the whole map) and
// the part of the drawing on screen. Kinds in hidden are neither labelled
// nor in the way; clustered places are not labelled. Cached, so panning
// within a window and returning to a zoom level are free. Sets
// globalThis.buurtkaartStats = {labelMs, labels, places}.
func (b *bridge) labelsAt(args []js.Value) any {
	if b.m == nil {
		return map[string]any{"error": "no map loaded"}
	}
	scale, hidden, key, view := b.view(args)
	c := b.clustering(scale, hidden, key)
	small, base := len(c.Singles) <= smallMap, key
	w := sketch.Window{}
	if view != (sketch.Window{}) {
		w = tileWindow(view)
		key += "@" + strconv.FormatFloat(w.X0, 'g', -1, 64) + "," + strconv.FormatFloat(w.Y0, 'g', -1, 64)
	}
	if g, ok := b.labels[key]; ok {
		b.names = g
		return svgOf(g)
	}
	start := time.Now()
	opts := &sketch.LabelOptions{Scale: scale, Hidden: hidden, Only: c.Singles, Notes: scale <= sketch.NotesFrom, Clusters: c.Groups, Streets: b.streets, StreetNames: b.named}
	var g sketch.Group
	if small { // one layout for the whole drawing per level, handed out by window
		full, ok := b.layouts[base]
		if !ok {
			full = sketch.Labels(b.frame, b.places, opts)
			b.layouts[base] = full
		}
		g = full
		if w != (sketch.Window{}) {
			g = sketch.LabelsWithin(full, w)
		}
	} else {
		opts.Window = w
		g = sketch.Labels(b.frame, b.places, opts)
	}
	svg := svgOf(g)
	stats := js.Global().Get("Object").New()
	stats.Set("labelMs", float64(time.Since(start).Microseconds())/1000)
	stats.Set("labels", countTexts(g))
	stats.Set("places", len(b.places))
	js.Global().Set("buurtkaartStats", stats)
	if len(b.labels) >= maxCached { // the scale includes the screen width: resizing makes new keys
		clear(b.labels)
		clear(b.layouts)
	}
	b.labels[key] = g
	b.names = g
	return svg
}

// svgOf writes one group as SVG.
func svgOf(g sketch.Group) string {
	var sb strings.Builder
	sketch.WriteGroup(&sb, g)
	return sb.String()
}

// tileWindow snaps the view to tiles of one view size and returns the 3×3
// tiles around it, so small pans reuse one layout.
func tileWindow(v sketch.Window) sketch.Window {
	w, h := v.X1-v.X0, v.Y1-v.Y0
	tx, ty := math.Floor((v.X0+v.X1)/2/w), math.Floor((v.Y0+v.Y1)/2/h)
	return sketch.Window{X0: (tx - 1) * w, Y0: (ty - 1) * h, X1: (tx + 2) * w, Y1: (ty + 2) * h}
}

// marks(scale, hidden, x0, y0, x1, y1) → the <g class="plekken"> element: the
// places and clusters on screen at this zoom level.
func (b *bridge) marksAt(args []js.Value) any {
	if b.m == nil {
		return map[string]any{"error": "no map loaded"}
	}
	scale, hidden, key, view := b.view(args)
	var sb strings.Builder
	sketch.WriteGroup(&sb, sketch.Marks(b.frame, b.places, b.clustering(scale, hidden, key), view))
	return sb.String()
}

func countTexts(g sketch.Group) int {
	n := 0
	for _, it := range g.Items {
		if _, ok := it.(sketch.Text); ok {
			n++
		}
	}
	return n
}

// place(id) → the card of a place or pin (wasm/card, web/buurtkaart.d.ts),
// with mine: made on this device; or null.
func (b *bridge) place(args []js.Value) any {
	i, ok := b.byID[args[0].String()]
	if !ok {
		return nil
	}
	c := card.Of(b.frame, b.places, b.byID, i)
	links := make([]any, len(c.Links))
	for j, l := range c.Links {
		links[j] = map[string]any{"id": l.ID, "name": l.Name}
	}
	tags := make([]any, len(c.Tags))
	for j, t := range c.Tags {
		tags[j] = t
	}
	return map[string]any{"id": c.ID, "name": c.Name, "kind": c.Kind, "kindNL": c.KindNL, "kindEN": c.KindEN,
		"note": c.Note, "author": c.Author, "since": c.Since, "sinceEN": c.SinceEN, "tags": tags, "links": links, "x": c.X, "y": c.Y,
		"pin": c.Pin, "pending": c.Pending, "mine": b.mine[c.ID]}
}

// search(query) → ids of places whose name, note or tags hold every word of
// the query (case and accents as typed), best (name) matches first, at most 20.
func (b *bridge) search(args []js.Value) any {
	words := strings.Fields(strings.ToLower(args[0].String()))
	var inName, elsewhere []any
	for _, p := range b.places {
		name := strings.ToLower(p.Name)
		all := name + " " + strings.ToLower(p.Note+" "+strings.Join(p.Tags, " "))
		nameHit, allHit := true, true
		for _, w := range words {
			nameHit = nameHit && strings.Contains(name, w)
			allHit = allHit && strings.Contains(all, w)
		}
		switch {
		case len(words) == 0:
		case nameHit:
			inName = append(inName, p.ID)
		case allHit:
			elsewhere = append(elsewhere, p.ID)
		}
	}
	out := append(inName, elsewhere...)
	if len(out) > 20 {
		out = out[:20]
	}
	return out
}

// links(id, scale) → the <g id="verbindingen"> element: a ring round the
// place and lines to the places it links to (empty for no or an unknown id).
func (b *bridge) links(args []js.Value) any {
	var from atlas.Place
	var to []atlas.Place
	if i, ok := b.byID[args[0].String()]; ok && b.m != nil {
		from = b.places[i]
		for _, l := range from.Links {
			if j, ok := b.byID[l]; ok {
				to = append(to, b.places[j])
			}
		}
	}
	scale := 1.0
	if len(args) > 1 && args[1].Type() == js.TypeNumber {
		scale = args[1].Float()
	}
	var sb strings.Builder
	sketch.WriteGroup(&sb, sketch.Links(b.frame, from, to, scale))
	return sb.String()
}

// hit(scale, hidden, x, y, reachPx?) → {id} for the place, pin or name
// under a tap at (x, y) in drawing units, {klont: true} for a cluster, or
// null for empty paper. reachPx is how far from a mark a tap still counts,
// in screen pixels: 22 on a touch screen (a 44 px target), 12 with a
// mouse (default). Marks are plates, so the page cannot tell them apart itself.
func (b *bridge) hit(args []js.Value) any {
	if b.m == nil || len(args) < 4 {
		return nil
	}
	scale, hidden, key, _ := b.view(args[:2])
	c := b.clustering(scale, hidden, key)
	at := sketch.XY{X: args[2].Float(), Y: args[3].Float()}
	reach := 12.0
	if len(args) > 4 && args[4].Type() == js.TypeNumber {
		reach = args[4].Float()
	}
	// scale is drawing units per screen unit at nameScale (≈ 1 px).
	id, klont := sketch.Hit(b.frame, b.places, c, b.names, at, reach*scale)
	switch {
	case id != "":
		return map[string]any{"id": id}
	case klont:
		return map[string]any{"klont": true}
	}
	return nil
}
