package pins

import (
	"mime"
	"net/http"
	"net/url"
	"strings"
)

// sameSite guards every state-changing request (anything but GET, HEAD and
// OPTIONS) against other websites. A page elsewhere can make a visitor's
// browser send a "simple" request — a form, or fetch with mode no-cors and
// Content-Type text/plain — without any preflight; it cannot send JSON, an
// Authorization header or a same-origin Origin. So a write must
//
//   - not come from another site: Origin, when sent, is this host (or one
//     of Options.Origins), and Sec-Fetch-Site, when sent, is same-origin or
//     none. Browsers send them; curl, Go and Node scripts send neither, and
//     pass;
//   - be JSON (415 otherwise), unless it has no body and carries
//     "Authorization: Bearer …": a moderator's approve, hide or restore, or
//     a DELETE with its token, which no page can send cross-site either.
func (h *handler) sameSite(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.Method {
		case http.MethodGet, http.MethodHead, http.MethodOptions:
		default:
			if !h.fromHere(r) {
				writeProblem(w, crossSite)
				return
			}
			if !isJSON(r) && !(r.ContentLength == 0 && Bearer(r) != "") {
				writeProblem(w, notJSON)
				return
			}
		}
		next.ServeHTTP(w, r)
	})
}

var (
	crossSite = problem(http.StatusForbidden, "cross_site",
		"Deze kaart neemt alleen pins en meldingen aan van haar eigen pagina's.",
		"This map only accepts pins and reports from its own pages.")
	notJSON = problem(http.StatusUnsupportedMediaType, "not_json",
		"Stuur dit als JSON (Content-Type: application/json).", "Send this as JSON (Content-Type: application/json).")
)

// fromHere reports whether the browser's own headers, if any, say the
// request comes from this origin.
func (h *handler) fromHere(r *http.Request) bool {
	if s := r.Header.Get("Sec-Fetch-Site"); s != "" && s != "same-origin" && s != "none" {
		return false
	}
	o := r.Header.Get("Origin")
	if o == "" {
		return true
	}
	u, err := url.Parse(o)
	if err != nil || u.Host == "" || (u.Scheme != "http" && u.Scheme != "https") {
		return false // also "null": a sandboxed frame or a file
	}
	if strings.EqualFold(hostPort(u.Host, u.Scheme), hostPort(r.Host, u.Scheme)) {
		return true
	}
	for _, allowed := range h.opts.Origins {
		if a, err := url.Parse(allowed); err == nil && strings.EqualFold(a.Scheme, u.Scheme) &&
			strings.EqualFold(hostPort(a.Host, a.Scheme), hostPort(u.Host, u.Scheme)) {
			return true
		}
	}
	return false
}

// hostPort drops the scheme's default port, which browsers leave out of
// Origin but a Host header may carry.
func hostPort(host, scheme string) string {
	if scheme == "http" {
		return strings.TrimSuffix(host, ":80")
	}
	return strings.TrimSuffix(host, ":443")
}

func isJSON(r *http.Request) bool {
	t, _, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	return err == nil && t == "application/json"
}
