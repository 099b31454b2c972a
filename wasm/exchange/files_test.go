package exchange_test

import (
	"bytes"
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/buurtkaart/buurtkaart/wasm/exchange"
)

func testFile(t *testing.T, name string) exchange.File {
	t.Helper()
	data, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return exchange.File{Name: name, Data: data}
}

// FromFiles makes one map of a mix of files, as `maps new` and the
// browser's "Nieuwe buurtkaart" do.
func TestFromFiles(t *testing.T) {
	mini, err := os.ReadFile("../../geodata/golden/mini.geojson")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		files  []exchange.File
		opts   *exchange.MapOptions
		title  string
		noteIn string // a note that must be there, naming its file
	}{
		{name: "osm, csv and gpx",
			files: []exchange.File{testFile(t, "osmtogeojson-map.osm"), testFile(t, "plekken.csv"), testFile(t, "wandeling.gpx")},
			opts:  &exchange.MapOptions{Title: "Ons Eppan", CBS: []string{"BU05182916"}},
			title: "Ons Eppan", noteIn: "wandeling.gpx: "},
		{name: "one map file, a title added",
			files: []exchange.File{{Name: "kaart.geojson", Data: mini}}, opts: &exchange.MapOptions{Title: "Anders"},
			title: "Anders"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, data, notes, err := exchange.FromFiles(tt.files, tt.opts)
			if err != nil {
				t.Fatalf("%v (notes %v)", err, notes)
			}
			if m.Title != tt.title || len(m.Places) == 0 || len(data) == 0 {
				t.Errorf("title %q, %d places, %d bytes", m.Title, len(m.Places), len(data))
			}
			if tt.opts != nil && tt.opts.CBS != nil && strings.Join(m.CBS, ",") != strings.Join(tt.opts.CBS, ",") {
				t.Errorf("cbs %v", m.CBS)
			}
			if tt.noteIn != "" && !strings.Contains(joinNotes(notes), tt.noteIn) {
				t.Errorf("no note of %q:\n%s", tt.noteIn, joinNotes(notes))
			}
		})
	}
}

// The places of a mix are each file's, in order: 3 of the .osm, the
// CSV's and the GPX's.
func TestFromFilesKeepsEveryFilesPlaces(t *testing.T) {
	var want int
	var files []exchange.File
	for _, name := range []string{"osmtogeojson-map.osm", "plekken.csv", "wandeling.gpx"} {
		f := testFile(t, name)
		from, _ := exchange.Detect(f.Name, f.Data)
		m, _, err := exchange.Import(f.Data, from, nil)
		if err != nil {
			t.Fatal(err)
		}
		want += len(m.Places)
		files = append(files, f)
	}
	m, _, _, err := exchange.FromFiles(files, nil)
	if err != nil || len(m.Places) != want {
		t.Fatalf("%d places, want %d (%v)", len(m.Places), want, err)
	}
}

// One buurtkaart map file, nothing added: kept byte for byte.
func TestFromFilesKeepsAMapFileAsItIs(t *testing.T) {
	mini, _ := os.ReadFile("../../geodata/golden/mini.geojson")
	_, data, _, err := exchange.FromFiles([]exchange.File{{Name: "mini.geojson", Data: mini}}, nil)
	if err != nil || !bytes.Equal(data, mini) {
		t.Errorf("the map file changed (%v)", err)
	}
}

func TestFromFilesRefusals(t *testing.T) {
	tests := []struct {
		name   string
		files  []exchange.File
		format exchange.Format // of the *FileError; "-" for none
		is     error
		want   string
	}{
		{"no files", nil, "-", exchange.ErrNoFiles, "no files"},
		{"no format", []exchange.File{{Name: "notities.txt", Data: []byte("boodschappen: melk")}}, "", nil, "neither JSON nor XML"},
		{"broken GPX", []exchange.File{testFile(t, "wandeling.gpx"), {Name: "kapot.gpx", Data: []byte("<gpx><wpt lat=")}}, exchange.GPX, nil, "kapot.gpx: "},
		{"nothing to draw", []exchange.File{{Name: "leeg.csv", Data: []byte("naam,lat,lon\n")}}, "-", exchange.ErrEmpty, "nothing to draw"},
		{"an empty map file", []exchange.File{{Name: "leeg.geojson", Data: []byte(`{"type":"FeatureCollection","features":[]}`)}}, "-", exchange.ErrEmpty, "nothing to draw"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, _, err := exchange.FromFiles(tt.files, &exchange.MapOptions{Title: "x"})
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err %v, want %q", err, tt.want)
			}
			var fe *exchange.FileError
			switch {
			case tt.format == "-" && errors.As(err, &fe):
				t.Errorf("a *FileError for %s", fe.Name)
			case tt.format != "-" && (!errors.As(err, &fe) || fe.Format != tt.format):
				t.Errorf("err %#v, want a *FileError of format %q", err, tt.format)
			}
			if tt.is != nil && !errors.Is(err, tt.is) {
				t.Errorf("err %v is not %v", err, tt.is)
			}
		})
	}
}

func joinNotes(notes []exchange.Note) string {
	var b strings.Builder
	for _, n := range notes {
		b.WriteString(n.String() + "\n")
	}
	return b.String()
}
