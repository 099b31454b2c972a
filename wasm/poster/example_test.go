package poster_test

import (
	"fmt"
	"strings"

	"github.com/buurtkaart/buurtkaart/geodata"
	"github.com/buurtkaart/buurtkaart/wasm/atlas"
	"github.com/buurtkaart/buurtkaart/wasm/poster"
)

// A poster of the sample map on A3, written as SVG. The command adds the
// font's real widths (Options.Measure) and a QR code (Options.QR); without
// them the core estimates widths and leaves a placeholder for the code.
func ExampleCompose() {
	m, _ := atlas.Parse(geodata.Schilderswijk, nil)
	p, err := poster.Compose(m, &poster.Options{Paper: poster.Paper{Size: poster.A3}})
	if err != nil {
		fmt.Println(err)
		return
	}
	var svg strings.Builder
	poster.WriteSVG(&svg, p.Pages[0])
	w, h := poster.Paper{Size: poster.A3}.Points()
	fmt.Printf("%.2f × %.2f pt, %d places, %d unlabelled, %d page\n", w, h, p.Entries, p.Unlabelled, len(p.Pages))
	fmt.Println(strings.HasPrefix(svg.String(), `<svg xmlns="http://www.w3.org/2000/svg" width="841.89pt" height="1190.55pt"`))
	// Output:
	// 841.89 × 1190.55 pt, 68 places, 0 unlabelled, 1 page
	// true
}
