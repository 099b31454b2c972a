package pins

import (
	"net/http"
	"net/netip"
	"strings"
)

// network is what per-address limits count: an IPv4 address (a home or a
// street party behind one router), or the /64 of an IPv6 address, since one
// household is given a whole /64 and could otherwise take a new address
// for every request. Anything unparsable counts as itself.
func network(addr string) string {
	ip, err := netip.ParseAddr(addr)
	if err != nil {
		return addr
	}
	ip = ip.WithZone("").Unmap()
	if ip.Is6() {
		p, _ := ip.Prefix(64)
		return p.String()
	}
	return ip.String()
}

func remoteHost(r *http.Request) string {
	host := r.RemoteAddr
	if i := strings.LastIndexByte(host, ':'); i > 0 {
		host = host[:i]
	}
	return strings.Trim(host, "[]")
}
