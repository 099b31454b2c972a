package pins

import "math"

// cellsPerDegree sets the grid for bounding-box queries: 0.01° cells are
// 1.1 km × 0.7 km in the Netherlands, so a buurt map covers a handful of
// cells and a query touches only the rows near it, in a database that
// holds pins of many buurten.
const cellsPerDegree = 100

const cellsPerRow = 360 * cellsPerDegree

// cell returns the grid cell of a position. Rows run along latitude, so
// the cells of one row are consecutive integers.
func cell(lon, lat float64) int64 {
	row := int64(math.Floor((lat + 90) * cellsPerDegree))
	col := int64(math.Floor((lon + 180) * cellsPerDegree))
	return row*cellsPerRow + col
}

// cellRanges returns, per grid row, the first and last cell a bbox
// touches: one `cell BETWEEN ? AND ?` per row. ok is false when the box
// spans more rows than fit D1's 100 bound parameters.
func cellRanges(w, s, e, n float64, maxRows int) (ranges [][2]int64, ok bool) {
	lo, hi := cell(w, s), cell(e, n)
	rowLo, rowHi := lo/cellsPerRow, hi/cellsPerRow
	if rowHi-rowLo+1 > int64(maxRows) {
		return nil, false
	}
	colLo, colHi := lo%cellsPerRow, hi%cellsPerRow
	for r := rowLo; r <= rowHi; r++ {
		ranges = append(ranges, [2]int64{r*cellsPerRow + colLo, r*cellsPerRow + colHi})
	}
	return ranges, true
}
