package exchange

import (
	"encoding/xml"
	"fmt"
	"io"
	"iter"

	"github.com/buurtkaart/buurtkaart/wasm/atlas"
)

// Places is a stream of places that are not in the map itself — residents'
// pins, read from the pins API a page at a time — with the error that
// ended it, if any.
type Places = iter.Seq2[atlas.Place, error]

// Stream writes m in format to, then each place of more as it comes,
// after the map's own places. A download of 50,000 residents' pins thus
// holds one page of them at a time, never the whole file (at 53,000 pins
// the KML is 26 MB). more may be nil. When more fails, the file ends
// where it was, unfinished, and the error is returned.
func Stream(w io.Writer, m *atlas.Map, to Format, more Places) ([]Note, error) {
	if more == nil {
		more = func(func(atlas.Place, error) bool) {}
	}
	switch to {
	case GeoJSON, UMap:
		return nil, writeGeoJSON(w, m, more)
	case CSV:
		return writeCSV(w, m, more)
	case GPX:
		return writeGPX(w, m, more)
	case KML:
		return nil, writeKML(w, m, more)
	}
	return nil, fmt.Errorf("exchange: cannot export %q; use geojson, csv, gpx or kml", to)
}

// xmlStream writes an XML document element by element, indented as
// xml.Encoder indents a whole tree: the bytes are those of encoding the
// document at once, but only one element is ever held.
type xmlStream struct {
	e   *xml.Encoder
	err error
}

func newXMLStream(w io.Writer, root string, attrs ...string) *xmlStream {
	x := &xmlStream{e: xml.NewEncoder(w)}
	_, x.err = io.WriteString(w, xml.Header)
	x.e.Indent("", " ")
	x.start(root, attrs...)
	return x
}

// start opens an element with name, value attribute pairs.
func (x *xmlStream) start(name string, attrs ...string) {
	s := xml.StartElement{Name: xml.Name{Local: name}}
	for i := 0; i+1 < len(attrs); i += 2 {
		s.Attr = append(s.Attr, xml.Attr{Name: xml.Name{Local: attrs[i]}, Value: attrs[i+1]})
	}
	if x.err == nil {
		x.err = x.e.EncodeToken(s)
	}
}

func (x *xmlStream) end(name string) {
	if x.err == nil {
		x.err = x.e.EncodeToken(xml.EndElement{Name: xml.Name{Local: name}})
	}
}

// element writes v as one element named name; it reaches w at once.
func (x *xmlStream) element(name string, v any) {
	if x.err == nil {
		x.err = x.e.EncodeElement(v, xml.StartElement{Name: xml.Name{Local: name}})
	}
}

// close ends the root element and the file.
func (x *xmlStream) close(w io.Writer, root string) error {
	x.end(root)
	if x.err == nil {
		x.err = x.e.Flush()
	}
	if x.err == nil {
		_, x.err = io.WriteString(w, "\n")
	}
	if x.err != nil {
		return fmt.Errorf("exchange: %w", x.err)
	}
	return nil
}
