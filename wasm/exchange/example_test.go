package exchange_test

import (
	"fmt"
	"os"

	"github.com/buurtkaart/buurtkaart/wasm/atlas"
	"github.com/buurtkaart/buurtkaart/wasm/exchange"
)

func ExampleImport() {
	// As Dutch Excel saves it: ';' between cells, a decimal comma.
	csv := "naam;soort;notitie;lat;lon\n" +
		"Fatima naait;talent;Vraag het haar!;52,0662;4,3012\n" +
		"Bankje;;;52,066;4,3045\n"
	m, notes, err := exchange.Import([]byte(csv), exchange.CSV, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, n := range notes {
		fmt.Println(n)
	}
	for _, p := range m.Places {
		fmt.Println(p.Kind, p.Name, p.At.Lon, p.At.Lat)
	}
	// Output:
	// line 3 "Bankje": warning: no kind; made it a plek; fill in the "soort" column: talent, verband, plek, verhaal or partner
	// talent Fatima naait 4.3012 52.0662
	// plek Bankje 4.3045 52.066
}

func ExampleExport() {
	m := &atlas.Map{Title: "Onze straat", Places: []atlas.Place{
		{Name: "Bankje", Kind: "plek", Note: "Zon, de hele middag", At: atlas.Point{Lon: 4.3045, Lat: 52.066}},
	}}
	if _, err := exchange.Export(os.Stdout, m, exchange.GPX); err != nil {
		fmt.Println(err)
	}
	// Output:
	// <?xml version="1.0" encoding="UTF-8"?>
	// <gpx version="1.1" creator="buurtkaart" xmlns="http://www.topografix.com/GPX/1/1">
	//  <metadata>
	//   <name>Onze straat</name>
	//  </metadata>
	//  <wpt lat="52.066" lon="4.3045">
	//   <name>Bankje</name>
	//   <desc>Zon, de hele middag</desc>
	//   <type>plek</type>
	//  </wpt>
	// </gpx>
}
