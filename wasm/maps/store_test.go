//go:build !js

package maps_test

import (
	"context"
	"database/sql"
	"errors"
	"path/filepath"
	"sync"
	"testing"

	"github.com/buurtkaart/buurtkaart/wasm/maps"
	"github.com/buurtkaart/buurtkaart/wasm/pins"
	_ "modernc.org/sqlite"
)

func openStore(t *testing.T) *maps.Store {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+filepath.Join(t.TempDir(), "m.db")+"?_pragma=journal_mode(WAL)&_pragma=busy_timeout(5000)")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	if _, err := pins.Migrate(context.Background(), db); err != nil {
		t.Fatal(err)
	}
	return maps.NewStore(db)
}

const (
	at   = "2026-11-30T12:00:00Z"
	file = `{"type":"FeatureCollection","title":"Transvaal","features":[]}`
)

func TestRevisions(t *testing.T) {
	ctx, s := context.Background(), openStore(t)
	if err := s.Create(ctx, "transvaal", "", []byte(file), "buurtkaart", at); err != nil {
		t.Fatal(err)
	}
	if err := s.Create(ctx, "transvaal", "", []byte(file), "buurtkaart", at); !errors.Is(err, maps.ErrExists) {
		t.Errorf("second create: %v, want ErrExists", err)
	}
	n, err := s.Save(ctx, "transvaal", 1, []byte(`{"type":"FeatureCollection","title":"Transvaal-Noord","features":[]}`), "Fatima", "titel", at)
	if err != nil || n != 2 {
		t.Fatalf("save on 1: %d, %v", n, err)
	}
	if _, err := s.Save(ctx, "transvaal", 1, []byte(file), "Henk", "oud", at); !errors.Is(err, maps.ErrStale) {
		t.Errorf("save on a stale base: %v, want ErrStale", err)
	}
	m, err := s.Current(ctx, "transvaal")
	if err != nil || m.Revision.N != 2 || m.Revision.Who != "Fatima" {
		t.Fatalf("current: %+v, %v", m.Revision, err)
	}
	list, err := s.List(ctx)
	if err != nil || len(list) != 1 || list[0].Title != "Transvaal-Noord" || list[0].Revision != 2 {
		t.Errorf("list: %+v, %v", list, err)
	}
	h, err := s.History(ctx, "transvaal")
	if err != nil || len(h) != 2 || h[0].N != 2 || h[1].Summary != "nieuwe kaart" {
		t.Errorf("history: %+v, %v", h, err)
	}
	if old, err := s.Revision(ctx, "transvaal", 1); err != nil || string(old) != file {
		t.Errorf("revision 1: %s, %v", old, err)
	}
	for name, err := range map[string]error{
		"current":  func() error { _, err := s.Current(ctx, "elders"); return err }(),
		"save":     func() error { _, err := s.Save(ctx, "elders", 0, []byte(file), "x", "", at); return err }(),
		"history":  func() error { _, err := s.History(ctx, "elders"); return err }(),
		"delete":   s.Delete(ctx, "elders"),
		"bad slug": s.Create(ctx, "../x", "", []byte(file), "x", at),
	} {
		if err == nil {
			t.Errorf("%s of an unknown map: no error", name)
		}
	}
	if err := s.Delete(ctx, "transvaal"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Current(ctx, "transvaal"); !errors.Is(err, maps.ErrNotFound) {
		t.Errorf("after delete: %v", err)
	}
}

// Ten keepers save on the same revision at once: exactly one wins, the
// others are told it changed meanwhile, and nothing is lost silently.
func TestConcurrentSavesOneWins(t *testing.T) {
	ctx, s := context.Background(), openStore(t)
	if err := s.Create(ctx, "schilderswijk", "", []byte(file), "buurtkaart", at); err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	var mu sync.Mutex
	won, stale := 0, 0
	for range 10 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, err := s.Save(ctx, "schilderswijk", 1, []byte(file), "k", "", at)
			mu.Lock()
			defer mu.Unlock()
			switch {
			case err == nil:
				won++
			case errors.Is(err, maps.ErrStale):
				stale++
			default:
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	if won != 1 || stale != 9 {
		t.Errorf("%d saves won, %d stale; want 1 and 9", won, stale)
	}
}

// Undo of revision n puts back, as a new revision, n-1's state of the
// features n touched, and keeps what others changed since.
func TestUndo(t *testing.T) {
	ctx, s := context.Background(), openStore(t)
	save := func(base int, data string) {
		t.Helper()
		if _, err := s.Save(ctx, "transvaal", base, []byte(data), "Fatima", "", at); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.Create(ctx, "transvaal", "", []byte(fc("T", "a=1", "b=1")), "buurtkaart", at); err != nil {
		t.Fatal(err)
	}
	save(1, fc("T", "a=1", "b=2", "c=1")) // 2: b changed, c added
	save(2, fc("T", "a=9", "b=2", "c=1")) // 3: a changed
	if _, err := s.Undo(ctx, "transvaal", 2, 2, "Jan", at); !errors.Is(err, maps.ErrStale) {
		t.Errorf("undo on a stale base: %v", err)
	}
	for n, want := range map[int]error{1: maps.ErrFirst, 7: maps.ErrNotFound} {
		if _, err := s.Undo(ctx, "transvaal", n, 3, "Jan", at); !errors.Is(err, want) {
			t.Errorf("undo %d: %v, want %v", n, err, want)
		}
	}
	n, err := s.Undo(ctx, "transvaal", 2, 3, "Jan", at)
	if err != nil || n != 4 {
		t.Fatalf("undo 2: %d, %v", n, err)
	}
	m, _ := s.Current(ctx, "transvaal")
	if string(m.GeoJSON) != fc("T", "a=9", "b=1") || m.Revision.Who != "Jan" || m.Revision.Summary != "versie 2 teruggedraaid" {
		t.Errorf("after the undo: %+v\n%s", m.Revision, m.GeoJSON)
	}
}
