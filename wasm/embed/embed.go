// Package embed puts a buurt's map on someone else's website: the options
// of the /embed page (read from its URL), the <iframe> snippet a volunteer
// pastes, the oEmbed answer that lets WordPress and friends make that
// snippet by themselves, and the security headers that decide which pages
// may be framed.
//
// The browser never imports this package (it brings net/http): the /embed
// page reads its options in JS, with the same names and defaults as View.
package embed

import (
	"math"
	"net/url"
	"strconv"
	"strings"

	"github.com/buurtkaart/buurtkaart/wasm/kind"
)

// Path is where the embeddable page is served: build/site/embed.html,
// which both hosts answer at /embed.
const Path = "/embed"

// View is what an embedded map shows, as set by its URL parameters. The
// zero value is the default: every kind, the map's own language, pins
// shown, adding allowed, the whole map in view.
type View struct {
	Kinds  []kind.Kind // soorten=talent,plek; default (nil) every kind
	Lang   string      // taal=nl|en; default "" (the map's language)
	NoPins bool        // pins=uit hides residents' pins; default shown
	NoAdd  bool        // toevoegen=nee makes the map read-only; default adding allowed
	Zoom   int         // zoom=1…8; default 0 (= 1, the whole map)
	Centre string      // midden=lon,lat; default "" (the map's centre)
}

// MaxZoom is the deepest start zoom: 8× a buurt of ~2 km shows ~250 m,
// about one street, which is as close as a drawn map is useful.
const MaxZoom = 8

// ParseView reads the /embed parameters from q. Unknown parameters and
// values are dropped rather than refused: a half-right link pasted by a
// volunteer should still show a map.
func ParseView(q url.Values) View {
	var v View
	for _, s := range strings.Split(q.Get("soorten"), ",") {
		if k := kind.Kind(strings.TrimSpace(s)); k.Valid() && !has(v.Kinds, k) {
			v.Kinds = append(v.Kinds, k)
		}
	}
	if len(v.Kinds) == len(kind.All) {
		v.Kinds = nil // all five is the default; keep the URL short
	}
	if t := q.Get("taal"); t == "nl" || t == "en" {
		v.Lang = t
	}
	v.NoPins = q.Get("pins") == "uit"
	v.NoAdd = q.Get("toevoegen") == "nee" || v.NoPins // adding a pin you cannot see makes no sense
	if z, err := strconv.Atoi(q.Get("zoom")); err == nil && z > 1 {
		v.Zoom = min(z, MaxZoom)
	}
	if c, ok := parseCentre(q.Get("midden")); ok {
		v.Centre = c
	}
	return v
}

// Query gives v back as URL parameters, defaults left out, in a fixed order.
func (v View) Query() string {
	var parts []string
	if len(v.Kinds) > 0 {
		ks := make([]string, len(v.Kinds))
		for i, k := range v.Kinds {
			ks[i] = string(k)
		}
		parts = append(parts, "soorten="+strings.Join(ks, ","))
	}
	if v.Lang != "" {
		parts = append(parts, "taal="+v.Lang)
	}
	if v.NoPins {
		parts = append(parts, "pins=uit")
	}
	if v.NoAdd && !v.NoPins {
		parts = append(parts, "toevoegen=nee")
	}
	if v.Zoom > 1 {
		parts = append(parts, "zoom="+strconv.Itoa(v.Zoom))
	}
	if v.Centre != "" {
		parts = append(parts, "midden="+v.Centre)
	}
	return strings.Join(parts, "&")
}

// parseCentre accepts "lon,lat" in degrees and writes it back with at most
// 6 decimals (~10 cm), so the snippet holds no junk.
func parseCentre(s string) (string, bool) {
	lon, lat, ok := strings.Cut(s, ",")
	if !ok {
		return "", false
	}
	x, err1 := strconv.ParseFloat(strings.TrimSpace(lon), 64)
	y, err2 := strconv.ParseFloat(strings.TrimSpace(lat), 64)
	if err1 != nil || err2 != nil || x < -180 || x > 180 || y < -90 || y > 90 {
		return "", false
	}
	return deg(x) + "," + deg(y), true
}

func deg(v float64) string { return strconv.FormatFloat(math.Round(v*1e6)/1e6, 'f', -1, 64) }

func has(ks []kind.Kind, k kind.Kind) bool {
	for _, x := range ks {
		if x == k {
			return true
		}
	}
	return false
}
