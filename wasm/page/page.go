// Package page renders what a map serves that is made from the map: its
// pages with the map drawn in them (the first paint, before any wasm), its
// file, boundary and places' cards, and the poster's QR code. Both hosts
// call it for each new revision of a map in the store — serve keeps the
// result in memory, the Worker in memory and in the edge's cache — and
// `buurtkaart build` once for a static site.
package page

import (
	"encoding/json"
	"errors"
	"io/fs"
	"net/url"
	"sort"
	"strconv"
	"strings"

	"github.com/buurtkaart/buurtkaart/wasm/atlas"
	"github.com/buurtkaart/buurtkaart/wasm/boundary"
	"github.com/buurtkaart/buurtkaart/wasm/card"
	"github.com/buurtkaart/buurtkaart/wasm/kind"
	"github.com/buurtkaart/buurtkaart/wasm/poster"
	"github.com/buurtkaart/buurtkaart/wasm/sketch"
)

// Files are a map's rendered files by name ("index.html"), as the map's
// pages fetch them relative to themselves.
type Files map[string][]byte

// names are the files Render makes; boundary.geojson only when the map
// has streets to draw a hull around.
var names = map[string]bool{
	"index.html": true, "embed.html": true, "poster.html": true, "map.geojson": true,
	"places.json": true, "boundary.geojson": true, "qr.json": true, "manifest.webmanifest": true,
}

// Names are the files Render may make, sorted.
func Names() []string {
	out := make([]string, 0, len(names))
	for n := range names {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

// Made reports whether name (relative to the map's root, "index.html") is
// one of the files Render makes: a host answers it from the map's current
// revision, everything else from the shared site.
func Made(name string) bool { return names[name] }

// Options are what a render needs besides the map.
type Options struct {
	// Templates hold index.html, embed.html and poster.html (web.Templates).
	Templates fs.FS
	// URL is the map's public address ("https://kaart.example.nl/schilderswijk/"),
	// for the poster's QR code and the oEmbed discovery link; "" when unknown.
	URL string
	// Boundary is the map's boundary from the store (GeoJSON); "" = the hull
	// of its streets.
	Boundary string
}

// Render makes a map's files from its parsed map m and its file data.
func Render(m *atlas.Map, data []byte, o Options) (Files, error) {
	out := Files{"map.geojson": data}
	// The buurt's boundary, which the server holds pins to: the page's core
	// checks a spot against it before a resident writes their note.
	if b := firstNonEmpty(o.Boundary, boundary.OfMap(m)); b != "" {
		out["boundary.geojson"] = []byte(b)
	}
	// As the wasm draws it (wasm/main.go), so it takes over byte for byte.
	d, f := sketch.Map(m, sketch.PageOptions())
	var svg strings.Builder
	if err := sketch.WriteSVG(&svg, d); err != nil {
		return nil, err
	}
	drawing := trusted(svg.String()) // the core escapes every text it draws
	// The places' cards, for the page before the wasm (core.js, standIn):
	// fetched after the first paint, so a big map's cards never delay it.
	var err error
	if out["places.json"], err = json.Marshal(card.All(f, m.Places)); err != nil {
		return nil, err
	}
	for name, d := range pageData(m, o, drawing, f, atlas.Source(data)) {
		src, err := fs.ReadFile(o.Templates, name)
		if err != nil {
			return nil, err
		}
		t, err := parseTmpl(string(src))
		if err != nil {
			return nil, err
		}
		var b strings.Builder
		if err := t.execute(&b, d); err != nil {
			return nil, errors.New(name + ": " + err.Error())
		}
		out[name] = []byte(b.String())
	}
	if out["manifest.webmanifest"], err = manifest(o.Templates, m); err != nil {
		return nil, err
	}
	qr, err := QRFor(o.URL)
	if err != nil {
		return nil, err
	}
	if out["qr.json"], err = json.Marshal(qr); err != nil {
		return nil, err
	}
	return out, nil
}

// pageData are the pages' dots: what each template is rendered with.
// source is the map file's atlas.Source: the page's core keeps the
// drawing when it loads the very same file (web/core.js, takeOver).
func pageData(m *atlas.Map, o Options, drawing trusted, f sketch.Frame, source string) map[string]dot {
	kinds := kindGroups(m)
	title := firstNonEmpty(m.Title, m.Buurt, "Onze buurt")
	return map[string]dot{
		"index.html": {
			"Lang": m.Language, "Title": m.Title, "Buurt": firstNonEmpty(m.Buurt, m.Title),
			"OEmbed": oembedDiscovery(o.URL), "Corners": corners(f),
			"Attribution": m.Attribution, "Kinds": kinds, "Groups": kinds, "SVG": drawing,
			"Intro": intro(m), "Source": source,
		},
		// The map for other sites' iframes: for a frame wider than a
		// phone's, and for a narrow one until the wasm lays it out.
		"embed.html": {"Lang": m.Language, "Title": m.Title, "Kinds": kinds, "Corners": corners(f), "SVG": drawing, "Source": source},
		// "Maak een poster": the browser composes it (wasm/posterpage).
		"poster.html": {"Lang": firstNonEmpty(m.Language, "nl"), "Title": title, "Sizes": paperSizes()},
	}
}

// manifest is the web app manifest with the map's own name: a phone that
// keeps two buurten's maps on its home screen tells them apart.
func manifest(templates fs.FS, m *atlas.Map) ([]byte, error) {
	src, err := fs.ReadFile(templates, "manifest.webmanifest")
	if err != nil {
		return nil, err
	}
	var man map[string]any
	if err := json.Unmarshal(src, &man); err != nil {
		return nil, err
	}
	if t := firstNonEmpty(m.Title, m.Buurt); t != "" {
		man["name"] = t
	}
	if b := firstNonEmpty(m.Buurt, m.Title); b != "" && len([]rune(b)) <= 20 {
		man["short_name"] = b
	}
	return json.MarshalIndent(man, "", "  ")
}

// intro is the map's intro (its keepers write it in the workshop), "" without.
func intro(m *atlas.Map) string {
	var s string
	json.Unmarshal(m.Extra["intro"], &s)
	return s
}

// kindGroups are the kinds for the page: their texts, and their places
// for the legend's count and the list view (which works without the wasm,
// and for screen readers instead of the map).
func kindGroups(m *atlas.Map) []dot {
	var out []dot
	for _, k := range kind.All {
		t := k.Text()
		var places []dot
		for _, p := range m.Places {
			if p.Kind == k {
				places = append(places, dot{"ID": p.ID, "Name": p.Name, "Note": p.Note})
			}
		}
		out = append(out, dot{"Key": string(k), "NL": t.NL, "EN": t.EN, "PromptNL": t.PromptNL, "PromptEN": t.PromptEN,
			"Count": len(places), "Places": places})
	}
	return out
}

func paperSizes() []dot {
	var sizes []dot
	for _, z := range []poster.Size{poster.A4, poster.A3, poster.A2, poster.A1} {
		w, h := poster.Paper{Size: z}.MM() // millimetres, standing
		sizes = append(sizes, dot{"Name": z.String(), "W": w, "H": h, "Chosen": z == poster.A4})
	}
	return sizes
}

// corners is "lon0,lat0,lon1,lat1": where the drawing's top-left (0,0) and
// bottom-right (width,height) lie. The frame is linear in lon and lat, so
// the page can turn a start view (midden=lon,lat) into drawing units before
// the wasm, which only unprojects, has arrived.
func corners(f sketch.Frame) string {
	a := f.Unproject(sketch.XY{})
	b := f.Unproject(sketch.XY{X: f.Width, Y: f.Height})
	var parts []string
	for _, v := range []float64{a.Lon, a.Lat, b.Lon, b.Lat} {
		parts = append(parts, strconv.FormatFloat(v, 'f', 7, 64))
	}
	return strings.Join(parts, ",")
}

// oembedDiscovery is the href of the page's oEmbed discovery link. WordPress
// follows it as written, so it must be absolute: with the public address
// known it is; without, it stays relative, which our own handler and most
// consumers resolve, but WordPress does not.
func oembedDiscovery(base string) string {
	if base == "" {
		return "oembed?format=json&url=%2F"
	}
	base = strings.TrimSuffix(base, "/") + "/"
	return base + "oembed?format=json&url=" + url.QueryEscape(base)
}

func firstNonEmpty(s ...string) string {
	for _, v := range s {
		if v != "" {
			return v
		}
	}
	return ""
}
