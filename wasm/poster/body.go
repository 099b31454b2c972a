package poster

import "strings"

// split divides the sheet between the header and footer into the map's
// frame and the panel for legend, index and QR code: below the map on a
// standing sheet, to its right on a lying one.
func (l *layout) split() (mapRect, panel Rect) {
	top := l.margin + l.headerH
	avail := Rect{l.content.X, top, l.content.W, l.h - l.margin - l.footerH - top}
	ar := aspect(l.m.Bounds)
	pad := 2.4 * l.u // the frame's inner margin, see mapSheet.draw
	if l.o.Paper.Landscape {
		// the panel takes 30 % of the width, more (up to half) when the
		// index needs it, and whatever the map's shape leaves over
		var mapRect, panel Rect
		for share := 0.3; share <= 0.51; share += 0.05 {
			mw := min(avail.W*(1-share)-l.gap, (avail.H-pad)*ar+pad)
			mapRect = Rect{avail.X, avail.Y, mw, avail.H}
			panel = Rect{avail.X + mw + l.gap, avail.Y, avail.W - mw - l.gap, avail.H}
			if l.indexArea(panel, MinTextSize) {
				break
			}
		}
		return mapRect, panel
	}
	natural := (avail.W-pad)/ar + pad
	need := l.legendHeight(avail.W) + l.gap + l.qrBlockHeight(qrSide(l.u))
	// the map keeps its natural height if that leaves room for the panel
	// with the index at 7 pt; otherwise it gives way, down to half the room
	mh := min(natural, avail.H-need-l.gap)
	for mh > avail.H*0.5 {
		if l.indexArea(Rect{avail.X, avail.Y + mh + l.gap, avail.W, avail.H - mh - l.gap}, MinTextSize) {
			break
		}
		mh -= l.u * 4
	}
	mh = max(mh, avail.H*0.5)
	return Rect{avail.X, avail.Y, avail.W, mh}, Rect{avail.X, avail.Y + mh + l.gap, avail.W, avail.H - mh - l.gap}
}

// indexArea reports whether the whole index fits the panel at size.
func (l *layout) indexArea(panel Rect, size float64) bool {
	ix := index{pal: l.o.pal, size: size, measure: l.o.Measure}
	area := l.indexRect(panel)
	_, cw := ix.columns(area.W)
	return area.H > 0 && ix.fits(ix.lines(l.es, cw), area)
}

// indexRect is the part of the panel the index may fill.
func (l *layout) indexRect(panel Rect) Rect {
	lh := l.legendHeight(panel.W) + l.gap
	if l.o.Paper.Landscape {
		qh := l.qrBlockHeight(panel.W) + l.gap
		return Rect{panel.X, panel.Y + lh, panel.W, panel.H - lh - qh}
	}
	qw := qrSide(l.u) + l.gap*1.5
	return Rect{panel.X, panel.Y + lh, panel.W - qw, panel.H - lh}
}

// indexSize picks the largest index size, from 1 u down to the 7 pt
// floor, at which the lines fit area; at the floor it may not, and the
// rest flows to another sheet.
func (l *layout) indexSize(area Rect) float64 {
	for size := max(MinTextSize, l.u*1.0); size > MinTextSize; size *= 0.93 {
		ix := index{pal: l.o.pal, size: size, measure: l.o.Measure}
		_, cw := ix.columns(area.W)
		if ix.fits(ix.lines(l.es, cw), area) {
			return size
		}
	}
	return MinTextSize
}

// body draws the map, legend, index and QR code, and returns the index
// lines left for another sheet.
func (l *layout) body(p *Page, mapRect, panel Rect) ([]indexLine, drawn) {
	d := mapSheet{m: l.m, frame: mapRect, u: l.u, o: l.o}.draw(p, l.es)
	legend(p, l.o.pal, l.legendItems(), panel.X, panel.Y, panel.W, l.legendSz, l.o.Measure, true)
	area := l.indexRect(panel)
	ix := index{pal: l.o.pal, size: l.indexSize(area), measure: l.o.Measure}
	_, cw := ix.columns(area.W)
	rest := ix.flow(p, l.es, ix.lines(l.es, cw), area)
	if l.o.Paper.Landscape {
		l.qrBlock(p, panel.X, panel.Y+panel.H-l.qrBlockHeight(panel.W), panel.W, true)
	} else {
		side := qrSide(l.u)
		l.qrBlock(p, panel.X+panel.W-side, area.Y, side, true)
	}
	if len(rest) > 0 {
		p.add(Text{At: XY{X: area.X, Y: area.Y + area.H + l.gap*0.3}, S: "… het register gaat verder op het volgende vel",
			Size: MinTextSize, Fill: l.o.pal.Soft})
	}
	return rest, d
}

func (l *layout) legendHeight(w float64) float64 {
	return legend(nil, l.o.pal, l.legendItems(), 0, 0, w, l.legendSz, l.o.Measure, false)
}

// qrBlockHeight measures the QR code with its invitation.
func (l *layout) qrBlockHeight(w float64) float64 {
	return l.qrBlock(nil, 0, 0, w, false)
}

// qrBlock draws the QR code and its invitation at (x, y) within width w:
// the words beside the code when there is room for them, else below.
func (l *layout) qrBlock(p *Page, x, y, w float64, draw bool) float64 {
	side := qrSide(l.u)
	size := max(MinTextSize, l.u*1.05)
	small := max(MinTextSize, l.u*0.7)
	beside := w >= side*2.4
	tx, ty, tw := x, y+side+size*1.3, w
	if beside {
		tx, ty, tw = x+side+l.gap, y+size*1.1, w-side-l.gap
	}
	if draw {
		if l.o.QR != nil {
			drawQR(p, l.o.QR, x, y, side)
		} else {
			qrPlaceholder(p, l.o.pal.Soft, x, y, side, l.u)
		}
	}
	ix := index{pal: l.o.pal, size: size, measure: l.o.Measure}
	lines := ix.wrap("Wat is er goed hier? Scan de code en zet jouw talent, club, plek of verhaal op de kaart.", tw)
	small2 := index{pal: l.o.pal, size: small, measure: l.o.Measure}
	var url []string
	if l.o.URL != "" {
		url = small2.wrapChars(clean(l.o.URL, 200), tw)
	}
	if draw {
		for i, s := range lines {
			p.add(Text{At: XY{X: tx, Y: ty + float64(i)*size*1.25}, S: s, Size: size, Fill: l.o.pal.Ink})
		}
		for i, s := range url {
			p.add(Text{At: XY{X: tx, Y: ty + float64(len(lines))*size*1.25 + float64(i)*small*1.3}, S: s, Size: small, Fill: l.o.pal.Soft})
		}
	}
	textH := float64(len(lines))*size*1.25 + float64(len(url))*small*1.3
	if beside {
		return max(side, textH+size*0.2)
	}
	return side + size*1.3 + textH
}

// wrapChars breaks a URL, which has no spaces, anywhere.
func (ix index) wrapChars(s string, w float64) []string {
	var out []string
	var cur strings.Builder
	for _, r := range s {
		if cur.Len() > 0 && ix.measure(cur.String()+string(r), ix.size) > w {
			out = append(out, cur.String())
			cur.Reset()
		}
		cur.WriteRune(r)
	}
	if cur.Len() > 0 {
		out = append(out, cur.String())
	}
	return out
}
