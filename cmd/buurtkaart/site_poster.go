package main

import (
	"bytes"
	"encoding/json"
	"html/template"
	"path/filepath"

	"github.com/buurtkaart/buurtkaart/wasm/atlas"
	"github.com/buurtkaart/buurtkaart/wasm/poster"
)

// posterPage renders web/poster.html, "Maak een poster": the browser
// composes the poster with the core in wasm (wasm/poster) and prints it
// with CSS @page at the chosen paper size. It also writes qr.json, the
// QR code of the map's pin form, made here with the CLI's encoder because
// the browser wasm has none (see posterQR).
func (s site) posterPage(m *atlas.Map) error {
	tpl, err := template.ParseFiles(filepath.Join(s.root, "web", "poster.html"))
	if err != nil {
		return err
	}
	type size struct {
		Name   string
		W, H   float64 // millimetres, standing
		Chosen bool
	}
	var sizes []size
	for _, z := range []poster.Size{poster.A4, poster.A3, poster.A2, poster.A1} {
		w, h := poster.Paper{Size: z}.MM()
		sizes = append(sizes, size{Name: z.String(), W: w, H: h, Chosen: z == poster.A4})
	}
	var buf bytes.Buffer
	err = tpl.Execute(&buf, map[string]any{
		"Lang": firstNonEmpty(m.Language, "nl"), "Title": firstNonEmpty(m.Title, m.Buurt, "Onze buurt"),
		"Sizes": sizes,
	})
	if err != nil {
		return err
	}
	if err := writeFile(filepath.Join(s.out, "poster.html"), buf.Bytes()); err != nil {
		return err
	}
	qr, err := s.qrJSON()
	if err != nil {
		return err
	}
	return writeFile(filepath.Join(s.out, "qr.json"), qr)
}

// qrJSON is qr.json: {"url": pin form, "modules": [[true, false, …], …]},
// or {"url": "", "modules": null} for a site built without --url. Then
// the page writes its own address under a placeholder square and says the
// code is missing, rather than print a code that might point elsewhere.
// serve's /poster.pdf takes its address from here too (poster_http.go):
// the configured one, never the Host a request names.
func (s site) qrJSON() ([]byte, error) {
	u, err := pinFormURL(s.url)
	if err != nil {
		return nil, err
	}
	code, err := posterQR(u)
	if err != nil {
		return nil, err
	}
	return json.Marshal(code)
}
