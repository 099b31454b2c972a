package main

import (
	"github.com/buurtkaart/buurtkaart/wasm/page"
)

// The poster's QR code is made in wasm/page, for the built site's qr.json
// and for the PDF alike.
type qrCode = page.QR

var (
	posterQR   = page.NewQR
	pinFormURL = page.PinFormURL
)
