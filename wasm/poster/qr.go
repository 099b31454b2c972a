package poster

// quietZone is the blank border around a QR code, in modules: ISO/IEC
// 18004 asks for 4, and phone scanners fail more often below that.
const quietZone = 4

// qrSide is the printed side of the QR code including its quiet zone:
// 12 u is 35.6 mm on A3 (the brief asks ≥ 30 mm), 25 mm on A4, 50 mm on
// A2 — a phone at arm's length from a wall reads 25 mm codes of ~30
// modules.
func qrSide(u float64) float64 { return 12 * u }

// drawQR draws modules at the top left of a white square of side side.
// Dark modules become one path of row runs: far fewer shapes than one
// square per module, and no hairline seams between neighbours in a PDF
// viewer.
func drawQR(p *Page, modules [][]bool, x, y, side float64) {
	p.add(Path{Parts: [][]XY{corners(Rect{x, y, side, side})}, Closed: true, Fill: "#ffffff"})
	n := len(modules)
	if n == 0 {
		return
	}
	m := side / float64(n+2*quietZone)
	var runs [][]XY
	for row, line := range modules {
		for col := 0; col < len(line); {
			if !line[col] {
				col++
				continue
			}
			start := col
			for col < len(line) && line[col] {
				col++
			}
			x0, y0 := x+float64(start+quietZone)*m, y+float64(row+quietZone)*m
			runs = append(runs, corners(Rect{x0, y0, float64(col-start) * m, m}))
		}
	}
	p.add(Path{Parts: runs, Closed: true, Fill: "#000000"})
}

// qrPlaceholder stands where the code goes when the host gave none.
func qrPlaceholder(p *Page, soft string, x, y, side, u float64) {
	p.add(Path{Parts: [][]XY{corners(Rect{x, y, side, side})}, Closed: true, Fill: "#ffffff", Stroke: soft, Width: u * 0.08, Dash: u * 0.5})
	p.add(Text{At: XY{X: x + side/2, Y: y + side/2}, S: "QR", Size: max(MinTextSize, side/5), Fill: soft, Align: Middle})
}
