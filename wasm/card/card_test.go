package card

import (
	"testing"

	"github.com/buurtkaart/buurtkaart/wasm/atlas/atlastest"
	"github.com/buurtkaart/buurtkaart/wasm/sketch"
)

func TestAllOnTheSample(t *testing.T) {
	m := atlastest.Sample(t)
	f := sketch.NewFrame(m.Bounds, 1000, 24)
	cards := All(f, m.Places)
	if len(cards) != len(m.Places) {
		t.Fatalf("%d cards for %d places", len(cards), len(m.Places))
	}
	linked := 0
	for _, c := range cards {
		if c.Name == "" || c.KindNL == "" || c.KindEN == "" || c.Links == nil || c.Tags == nil {
			t.Errorf("card %s incomplete: %+v", c.ID, c)
		}
		if c.X < 0 || c.X > f.Width || c.Y < 0 || c.Y > f.Height {
			t.Errorf("card %s drawn off the map at %v,%v", c.ID, c.X, c.Y)
		}
		for _, l := range c.Links {
			if l.Name == "" {
				t.Errorf("card %s: link %s without a name", c.ID, l.ID)
			}
		}
		linked += len(c.Links)
	}
	if linked == 0 {
		t.Error("no card carries a link; the sample connects places")
	}
}
