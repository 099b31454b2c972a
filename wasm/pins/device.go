package pins

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"net/http"
	"strings"
)

// DeviceHeader carries a device token. The page makes a random id and keeps
// it in local storage; the server answers its first write with the id
// signed, "<id>.<signature>", in the same header, and the page keeps that.
// Rate limits are keyed on the id (a street party shares one Wi-Fi address,
// not one phone), and delete tokens are derived from it.
//
// Ids are not free to mint: an unsigned id counts against its network's
// Limits.NewDevicesPerAddress the first hour it writes (and each hour it
// writes unsigned), a signed one never does, and only the server can sign.
const DeviceHeader = "X-Buurtkaart-Device"

// Lengths of a device id and of its signature (22 base64 characters: 132
// bits of HMAC-SHA256). A signed token is at most 123 characters.
const (
	minDeviceID = 16
	maxDeviceID = 100
	sigLen      = 22
)

// device is the requester's device token as read from DeviceHeader.
type device struct {
	id     string // "" when there is none or it is malformed
	signed bool   // the signature is the server's
}

// deviceOf reads the device header. A malformed token is no token; a
// signature that does not verify (forged, or made under an older secret)
// leaves the id unsigned, so it is counted as new and signed again.
func (h *handler) deviceOf(r *http.Request) device {
	id, sig, hasSig := strings.Cut(r.Header.Get(DeviceHeader), ".")
	if !validDeviceID(id) {
		return device{}
	}
	return device{id: id, signed: hasSig && hmac.Equal([]byte(sig), []byte(h.signature(id)))}
}

// signed returns the token the server hands out for id.
func (h *handler) signed(id string) string { return id + "." + h.signature(id) }

func (h *handler) signature(id string) string {
	m := hmac.New(sha256.New, h.opts.Secret)
	m.Write([]byte("device\x00" + id))
	return base64.RawURLEncoding.EncodeToString(m.Sum(nil))[:sigLen]
}

// validDeviceID accepts 16–100 characters of [A-Za-z0-9_-], as the page
// makes them (32 hex digits).
func validDeviceID(t string) bool {
	if len(t) < minDeviceID || len(t) > maxDeviceID {
		return false
	}
	for _, c := range t {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_') {
			return false
		}
	}
	return true
}
