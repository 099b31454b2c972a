package keepers

import (
	"context"
	"fmt"
	"time"
)

// Seed makes the deployment's moderator token (BUURTKAART_MODERATOR_TOKEN)
// a keeper of map slug, named name ("beheerder"), whose bearer token is
// that token: hosts call it at start (serve for the map it was started
// with, the Worker for BUURTKAART_MAP). Safe to call at every start: each
// statement is idempotent. A new token revokes the keeper seeded from the
// one before; a seeded keeper a keeper removed stays removed. An empty
// token does nothing.
func Seed(ctx context.Context, s *Store, slug, name, token string, now time.Time) error {
	if token == "" {
		return nil
	}
	name, err := cleanName(name)
	if err != nil {
		return err
	}
	h := hash(token)
	id := "seed-" + hash("keeper id\x00" + slug + "\x00" + h)[:12]
	at := stamp(now)
	for _, st := range []struct {
		q    string
		args []any
	}{
		{`INSERT INTO keepers (id, map, name, added_at, added_by) VALUES (?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`,
			[]any{id, slug, name, at, SeededBy}},
		{`INSERT INTO keeper_keys (hash, keeper, map, kind, expires, created_at) VALUES (?, ?, ?, 'token', '', ?) ON CONFLICT (hash, keeper) DO NOTHING`,
			[]any{h, id, slug, at}},
		{`UPDATE keepers SET revoked_at = ? WHERE map = ? AND added_by = ? AND id != ? AND revoked_at = ''`,
			[]any{at, slug, SeededBy, id}},
	} {
		if _, err := s.db.ExecContext(ctx, st.q, st.args...); err != nil {
			return fmt.Errorf("keepers: seed %s: %w", slug, err)
		}
	}
	return nil
}
