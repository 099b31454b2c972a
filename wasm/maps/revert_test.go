package maps_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/buurtkaart/buurtkaart/wasm/maps"
)

// fc writes a small map file: head members, then one feature a line, each
// "id=note" a place with that id and note.
func fc(head string, places ...string) string {
	var fs []string
	for _, p := range places {
		id, note, _ := strings.Cut(p, "=")
		fs = append(fs, `{"type":"Feature","id":"`+id+`","geometry":{"type":"Point","coordinates":[4.3,52.06]},"properties":{"kind":"plek","name":"`+id+`","note":"`+note+`"}}`)
	}
	return `{"type":"FeatureCollection","title":"` + head + `","features":[` + "\n" + strings.Join(fs, ",\n") + "\n]}"
}

func TestRevert(t *testing.T) {
	for _, tt := range []struct {
		name                         string
		before, after, current, want string
	}{
		{"a change, nothing since",
			fc("T", "a=1", "b=1"), fc("T", "a=1", "b=2"), fc("T", "a=1", "b=2"), fc("T", "a=1", "b=1")},
		{"a change, another feature changed since: kept",
			fc("T", "a=1", "b=1"), fc("T", "a=1", "b=2"), fc("T", "a=9", "b=2"), fc("T", "a=9", "b=1")},
		{"an added feature goes, one added later stays",
			fc("T", "a=1"), fc("T", "a=1", "b=1"), fc("T", "a=1", "b=1", "c=1"), fc("T", "a=1", "c=1")},
		{"a removed feature comes back in its place",
			fc("T", "a=1", "b=1", "c=1"), fc("T", "a=1", "c=1"), fc("T", "a=2", "c=1", "d=1"), fc("T", "a=2", "b=1", "c=1", "d=1")},
		{"a removed first feature comes back first",
			fc("T", "a=1", "b=1"), fc("T", "b=1"), fc("T", "b=1"), fc("T", "a=1", "b=1")},
		{"a title changed back, features changed since kept",
			fc("Oud", "a=1"), fc("Nieuw", "a=1"), fc("Nieuw", "a=2"), fc("Oud", "a=2")},
		{"nothing changed",
			fc("T", "a=1"), fc("T", "a=1"), fc("T", "a=5"), fc("T", "a=5")},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got, err := maps.Revert([]byte(tt.before), []byte(tt.after), []byte(tt.current))
			if err != nil || string(got) != tt.want {
				t.Errorf("got %v\n%s\nwant\n%s", err, got, tt.want)
			}
		})
	}
}

// An undo never overwrites a later keeper's change to what it touched: a
// place renamed in revision 2 and moved in 3, or a title changed twice,
// is a conflict naming it, and nothing is reverted.
func TestRevertConflicts(t *testing.T) {
	for _, tt := range []struct {
		name                   string
		before, after, current string
		ids                    string
	}{
		{"the touched feature changed again since", fc("T", "a=1"), fc("T", "a=2"), fc("T", "a=3"), "a"},
		{"a removed feature added again since", fc("T", "a=1", "b=1"), fc("T", "b=1"), fc("T", "a=2", "b=1"), "a"},
		{"the title changed again since", fc("A", "a=1"), fc("B", "a=1"), fc("C", "a=1"), "title"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got, err := maps.Revert([]byte(tt.before), []byte(tt.after), []byte(tt.current))
			var c *maps.ConflictError
			if !errors.As(err, &c) || strings.Join(c.IDs, ",") != tt.ids || got != nil {
				t.Errorf("got %v %s, want a conflict on %s", err, got, tt.ids)
			}
		})
	}
}

func TestPutFeature(t *testing.T) {
	one := fc("T", "a=1")
	f := `{"type":"Feature", "id":"b","geometry":{"type":"Point","coordinates":[4.3,52.06]},"properties":{"kind":"plek","name":"b","note":"1"}}`
	got, err := maps.PutFeature([]byte(one), []byte(f))
	if err != nil || string(got) != fc("T", "a=1", "b=1") {
		t.Fatalf("added: %v\n%s", err, got)
	}
	again, _ := maps.PutFeature(got, []byte(f))
	if string(again) != string(got) || !maps.HasFeature(got, "b") || maps.HasFeature(got, "c") {
		t.Errorf("put twice: %s", again)
	}
	if _, err := maps.PutFeature([]byte(one), []byte(`{"type":"Feature"}`)); err == nil {
		t.Error("a feature without an id was put")
	}
}

// The sample map file goes through the split and join byte for byte.
func TestRevertKeepsTheFile(t *testing.T) {
	sample := fc("Schilderswijk — wat we hier hebben", "a=één", "b=\\u00e9")
	got, err := maps.Revert([]byte(sample), []byte(sample), []byte(sample))
	if err != nil || string(got) != sample {
		t.Errorf("%v\n%s", err, got)
	}
}
