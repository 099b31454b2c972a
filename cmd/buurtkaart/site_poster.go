package main

import (
	"encoding/json"

	"github.com/buurtkaart/buurtkaart/wasm/page"
)

// The poster's QR code is made in wasm/page, for the built site's qr.json
// and for the PDF alike.
type qrCode = page.QR

var (
	posterQR   = page.NewQR
	pinFormURL = page.PinFormURL
)

// qrJSON is qr.json for a site built for the address s.url.
func (s site) qrJSON() ([]byte, error) {
	code, err := page.QRFor(s.url)
	if err != nil {
		return nil, err
	}
	return json.Marshal(code)
}
