package page

import (
	"fmt"
	neturl "net/url"

	"rsc.io/qr"
)

// QR is the QR code of the live map's pin form: the URL and its modules.
// The CLI and /poster.pdf draw it into the PDF; qr.json carries it to the
// browser's poster page, which has no QR encoder (rsc.io/qr stays out of
// the browser wasm).
type QR struct {
	URL     string   `json:"url"`     // "" when the map's address is unknown
	Modules [][]bool `json:"modules"` // nil then: the poster draws a placeholder
}

// QRFor is the QR code of the pin form of the map at base, its public
// address; an empty base gives an empty code, so the poster writes the
// page's own address under a placeholder rather than a code that might
// point elsewhere.
func QRFor(base string) (QR, error) {
	u, err := PinFormURL(base)
	if err != nil {
		return QR{}, err
	}
	return NewQR(u)
}

// NewQR encodes url (the pin form's full address) for the poster.
func NewQR(url string) (QR, error) {
	modules, err := qrModules(url)
	return QR{URL: url, Modules: modules}, err
}

// PinFormURL is the pin form of the map at base (its public address,
// e.g. "https://schilderswijk.buurtkaart.nl/"): the page opens the form on
// the #pin fragment. An empty base stays empty.
func PinFormURL(base string) (string, error) {
	if base == "" {
		return "", nil
	}
	u, err := neturl.Parse(base)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return "", fmt.Errorf("--url %q: give the map's public address, like https://schilderswijk.buurtkaart.nl/", base)
	}
	if u.Path == "" {
		u.Path = "/"
	}
	u.RawQuery, u.Fragment = "", "pin"
	return u.String(), nil
}

// qrModules encodes url at level M (15 % of the code may be smudged or
// drawn over and it still reads) as the core wants it: rows of modules
// without the quiet zone, which the poster draws itself.
func qrModules(url string) ([][]bool, error) {
	if url == "" {
		return nil, nil
	}
	c, err := qr.Encode(url, qr.M)
	if err != nil {
		return nil, fmt.Errorf("poster: QR code for %q: %w", url, err)
	}
	rows := make([][]bool, c.Size)
	for y := range rows {
		rows[y] = make([]bool, c.Size)
		for x := range rows[y] {
			rows[y][x] = c.Black(x, y)
		}
	}
	return rows, nil
}
