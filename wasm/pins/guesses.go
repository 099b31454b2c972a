package pins

import (
	"context"
	"database/sql"
	"net/http"
	"time"
)

// Guesses counts wrong secrets (tokens, sign-in codes) per network for an
// API guarded by its own tokens (wasm/keepers), with the pins API's
// limiter: the same hourly counters in rate_limits, keyed by HMAC under the
// limit secret, never an address.
type Guesses struct {
	l      *limiter
	budget func(net string) budget
}

// NewGuesses returns the guess counter of scope (a name kept apart from
// the pins' own counters, e.g. "keepers"): from the limit-th wrong secret
// of a network in an hour, Wrong and Over ask it to wait until the next
// hour. Keys use secret (the pins' Options.Secret); the pins' purge drops
// old counters of every scope.
func NewGuesses(db *sql.DB, scope string, secret []byte, limit int) *Guesses {
	l := &limiter{store: NewStore(db, "guesses:"+scope), secret: secret}
	return &Guesses{l, func(net string) budget { return budget{"wrong-secret:" + net, limit - 1} }}
}

// Wrong counts one wrong secret from addr and reports how long to wait if
// that went past the limit.
func (g *Guesses) Wrong(ctx context.Context, addr string, now time.Time) (time.Duration, error) {
	return g.l.count(ctx, g.budget(network(addr)), now)
}

// Over reports how long to wait if addr is already past the limit,
// without counting.
func (g *Guesses) Over(ctx context.Context, addr string, now time.Time) (time.Duration, error) {
	return g.l.over(ctx, g.budget(network(addr)), now)
}

// ClientHost is the default requester address: the host of r.RemoteAddr
// (Options.ClientAddr's default).
func ClientHost(r *http.Request) string { return remoteHost(r) }
