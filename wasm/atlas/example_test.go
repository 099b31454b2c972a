package atlas_test

import (
	"fmt"
	"os"

	"github.com/buurtkaart/buurtkaart/wasm/atlas"
)

func ExampleParse() {
	m, diags := atlas.Parse([]byte(`{"type":"FeatureCollection","buurt":"Schilderswijk","features":[
		{"type":"Feature","id":"t1","geometry":{"type":"Point","coordinates":[4.3012,52.0662]},
		 "properties":{"name":"Fatima naait","kind":"talent","note":"Vraag het haar!"}},
		{"type":"Feature","geometry":{"type":"Point","coordinates":[4.3045,52.0660]},
		 "properties":{"name":"Bankje","kind":"bankje"}}]}`), nil)
	for _, d := range diags {
		fmt.Println(d)
	}
	fmt.Println(m.Title, len(m.Places), m.Places[0].Name, m.Places[0].Kind)
	// Output:
	// feature 1 "Bankje": error: unknown kind "bankje"; did you mean "talent"? kinds are talent, verband, plek, verhaal and partner
	// Schilderswijk 1 Fatima naait talent
}

func ExampleWrite() {
	m := &atlas.Map{Title: "Onze straat", Places: []atlas.Place{
		{ID: "p1", Name: "Bankje", Kind: "plek", At: atlas.Point{Lon: 4.30450001, Lat: 52.066}},
	}, Shapes: []atlas.Shape{
		// Drawn clockwise; Write turns the exterior counter-clockwise.
		{ID: "g1", Feature: 1, Layer: atlas.Groen, Area: true, Polygons: []int{0},
			Parts: [][]atlas.Point{{{Lon: 4.301, Lat: 52.067}, {Lon: 4.301, Lat: 52.068}, {Lon: 4.302, Lat: 52.068}, {Lon: 4.301, Lat: 52.067}}}},
	}}
	if err := atlas.Write(os.Stdout, m, nil); err != nil {
		fmt.Println(err)
	}
	// Output:
	// {"type":"FeatureCollection","title":"Onze straat","features":[
	// {"type":"Feature","id":"p1","geometry":{"type":"Point","coordinates":[4.3045,52.066]},"properties":{"name":"Bankje","kind":"plek"}},
	// {"type":"Feature","id":"g1","geometry":{"type":"Polygon","coordinates":[[[4.301,52.067],[4.302,52.068],[4.301,52.068],[4.301,52.067]]]},"properties":{"layer":"groen"}}
	// ]}
}
