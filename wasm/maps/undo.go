package maps

import (
	"context"
	"errors"
	"fmt"

	"github.com/buurtkaart/buurtkaart/wasm/atlas"
)

// ErrFirst is returned for an undo of a map's first revision: there is no
// state before it to go back to (delete the map instead).
var ErrFirst = errors.New("maps: the first revision cannot be undone")

// InvalidError is a map file the store refuses: its problems, errors
// among them.
type InvalidError struct{ Problems []atlas.Diagnostic }

func (e *InvalidError) Error() string {
	return fmt.Sprintf("maps: the map file has %d problems", len(e.Problems))
}

// Check parses a map file as the store would take it, and returns an
// *InvalidError when it has errors.
func Check(data []byte) error {
	m, diags := atlas.Parse(data, nil)
	if m == nil || atlas.HasErrors(diags) {
		return &InvalidError{diags}
	}
	return nil
}

// Undo saves, on top of base (which must be the latest), a revision that
// reverts revision n's changes feature by feature (Revert), keeping later
// changes to other features, and returns its number. ErrStale when base is
// not the latest, ErrFirst for n = 1, ErrNotFound for a revision the map
// does not have, *InvalidError when the result would not be a valid map.
func (s *Store) Undo(ctx context.Context, slug string, n, base int, who, at string) (int, error) {
	latest, err := s.head(ctx, slug)
	switch {
	case err != nil:
		return 0, err
	case latest != base:
		return 0, ErrStale
	case n == 1:
		return 0, ErrFirst
	case n < 1 || n > latest:
		return 0, ErrNotFound
	}
	var files [3][]byte
	for i, r := range [3]int{n - 1, n, base} {
		if files[i], err = s.Revision(ctx, slug, r); err != nil {
			return 0, err
		}
	}
	data, err := Revert(files[0], files[1], files[2])
	if err != nil {
		return 0, err
	}
	if err := Check(data); err != nil {
		return 0, err
	}
	return s.Save(ctx, slug, base, data, who, fmt.Sprintf("versie %d teruggedraaid", n), at)
}
