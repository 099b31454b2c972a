// Package card is what a place's card says: its name, kind in both
// languages, note, author, since, links and where it is drawn. The browser's
// core answers place(id) with it, and the server writes the same cards into
// places.json, so the page can open a card before the wasm has arrived.
package card

import (
	"github.com/buurtkaart/buurtkaart/wasm/atlas"
	"github.com/buurtkaart/buurtkaart/wasm/pin"
	"github.com/buurtkaart/buurtkaart/wasm/sketch"
)

// Card is one place (or resident's pin) as its card shows it.
type Card struct {
	ID      string   `json:"id"`
	Name    string   `json:"name"`
	Kind    string   `json:"kind"`
	KindNL  string   `json:"kindNL"`
	KindEN  string   `json:"kindEN"`
	Note    string   `json:"note"`
	Author  string   `json:"author"`  // only ever a name its owner agreed to show
	Since   string   `json:"since"`   // "november 2026", or as the map file says
	SinceEN string   `json:"sinceEN"` // the same in English
	Tags    []string `json:"tags"`
	Links   []Link   `json:"links"` // the places it is connected to
	X       float64  `json:"x"`     // where it is drawn, in drawing units
	Y       float64  `json:"y"`
	Pin     bool     `json:"pin"`     // a resident's pin
	Pending bool     `json:"pending"` // a pin only its maker sees yet
}

// Link is a connected place, by id and name.
type Link struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

// Of returns the card of ps[i], drawn in f; byID finds linked places.
func Of(f sketch.Frame, ps []atlas.Place, byID map[string]int, i int) Card {
	p := ps[i]
	tx := p.Kind.Text()
	at := f.Project(p.At)
	c := Card{ID: p.ID, Name: p.Name, Kind: string(p.Kind), KindNL: tx.NL, KindEN: tx.EN, Note: p.Note, Author: p.Author,
		Since: p.Since, SinceEN: pin.MonthEN(p.Since), Tags: p.Tags, Links: []Link{}, X: at.X, Y: at.Y,
		Pin: p.Pin != atlas.NotPin, Pending: p.Pin == atlas.PinWaiting}
	if c.Tags == nil {
		c.Tags = []string{}
	}
	for _, l := range p.Links {
		if j, ok := byID[l]; ok {
			c.Links = append(c.Links, Link{ID: l, Name: ps[j].Name})
		}
	}
	return c
}

// All returns the cards of every place of m as drawn in f, in map order.
func All(f sketch.Frame, ps []atlas.Place) []Card {
	byID := make(map[string]int, len(ps))
	for i, p := range ps {
		if _, dup := byID[p.ID]; !dup {
			byID[p.ID] = i
		}
	}
	out := make([]Card, len(ps))
	for i := range ps {
		out[i] = Of(f, ps, byID, i)
	}
	return out
}
