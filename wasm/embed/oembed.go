package embed

import (
	"net/http"
	"net/url"
	"strings"
)

// Options configure the oEmbed answer; the zero value means defaults.
type Options struct {
	Title  string // the map's title, for the iframe's title; default "buurtkaart"
	Width  int    // the snippet's width in CSS pixels; default 600
	Height int    // its height; default 560: the Schilderswijk's 1000×926 drawing at 600 px wide is 556 px, its controls lie over it (a map of another shape fits the frame, letterboxed)

	// URL is the map's public address, e.g. "https://kaart.example.nl/":
	// the answer's provider_url and frame point there. Default: the
	// request's own origin, and such answers are not for shared caches.
	URL string

	// Prefix is the map's path on a deployment of many maps
	// ("/schilderswijk"): its pages and embed lie under it. Default "".
	Prefix string
}

// origin is the origin the answer speaks for: that of o.URL, the map's
// configured public address (serve's --url, the Worker's BUURTKAART_URL).
// Without one it is the request's own (Origin: its Host header), and the
// answer, which then depends on that header, is marked for the asker
// alone: a shared cache must not hand "Host: evil.example"'s answer to
// the next one.
func (o *Options) origin(w http.ResponseWriter, r *http.Request) string {
	if o != nil && o.URL != "" {
		if u, err := url.Parse(o.URL); err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" {
			return u.Scheme + "://" + u.Host
		}
	}
	w.Header().Set("Cache-Control", "private")
	w.Header().Add("Vary", "Host, X-Forwarded-Proto")
	return Origin(r)
}

func (o *Options) prefix() string {
	if o == nil {
		return ""
	}
	return o.Prefix
}

func (o *Options) title() string {
	if o == nil || o.Title == "" {
		return "buurtkaart"
	}
	return o.Title
}

func (o *Options) size() (w, h int) {
	w, h = 600, 560
	if o != nil && o.Width > 0 && o.Height > 0 {
		w, h = o.Width, o.Height
	}
	return w, h
}

// Answer is an oEmbed response of type "rich" (oembed.com, section 2.3.4).
type Answer struct {
	Type         string `json:"type"`
	Version      string `json:"version"`
	Title        string `json:"title"`
	ProviderName string `json:"provider_name"`
	ProviderURL  string `json:"provider_url"`
	HTML         string `json:"html"`
	Width        int    `json:"width"`
	Height       int    `json:"height"`
}

// Oembed answers for page, a link to this site (absolute, or relative to
// origin, e.g. "https://kaart.example.nl"), within maxWidth × maxHeight
// (0: no limit). ok is false when page is not a map page of origin.
func Oembed(origin, page string, maxWidth, maxHeight int, o *Options) (a Answer, ok bool) {
	base, err := url.Parse(origin + "/")
	if err != nil || base.Host == "" {
		return Answer{}, false
	}
	u, err := base.Parse(page)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || !strings.EqualFold(u.Host, base.Host) || !mapPage(strings.TrimPrefix(u.Path, o.prefix())) {
		return Answer{}, false
	}
	src := origin + o.prefix() + Path
	if q := ParseView(u.Query()).Query(); q != "" {
		src += "?" + q
	}
	w, h := fit(o, maxWidth, maxHeight)
	title := o.title()
	if title != "buurtkaart" {
		title += " (buurtkaart)" // says what the frame is, not only which buurt
	}
	f := Frame{Src: src, Title: title, Width: w, Height: h}
	return Answer{Type: "rich", Version: "1.0", Title: o.title(), ProviderName: "buurtkaart",
		ProviderURL: origin + o.prefix() + "/", HTML: f.HTML(), Width: w, Height: h}, true
}

// mapPage reports whether path is a page that shows the map: the app or
// the embed page itself.
func mapPage(path string) bool {
	switch path {
	case "", "/", "/index.html", Path, Path + ".html", Path + "/":
		return true
	}
	return false
}

// fit shrinks the default size into the consumer's maximum, keeping its
// aspect: the map inside scales with the width, so a narrower frame needs
// proportionally less height.
func fit(o *Options, maxW, maxH int) (w, h int) {
	w, h = o.size()
	if maxW > 0 && w > maxW {
		h, w = h*maxW/w, maxW
	}
	if maxH > 0 && h > maxH {
		w, h = w*maxH/h, maxH
	}
	return max(w, 1), max(h, 1)
}
