package pins

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math/rand/v2"
	"time"
)

// Limits are how many writes (pins, reports, replays by others) one source
// may make per hour; the zero value means the defaults below. A "network"
// is an IPv4 address or an IPv6 /64 (see network).
type Limits struct {
	// PerDevice: a resident on a walk drops a pin every few minutes; 60 an
	// hour leaves room for an eager one. Default 60.
	PerDevice int
	// PerAddressAnonymous: writes without a device token, per network.
	// Default 60.
	PerAddressAnonymous int
	// NewDevicesPerAddress: device tokens a network may bring into use in
	// an hour (see device.go), so made-up tokens cannot dodge PerDevice. A
	// street party of 100 phones on one Wi-Fi needs 100. Default 150.
	NewDevicesPerAddress int
	// PerAddress caps one network whatever its devices: a street party of
	// 100 phones with 3 pins each is 300; a flood stops at this. Default
	// 1,000.
	PerAddress int
	// WrongTokensPerAddress: wrong moderator or delete tokens a network
	// may try in an hour; after that every moderator request from it is
	// 429, the right token too, so guessing gets no answer. Default 10.
	WrongTokensPerAddress int
}

func (l Limits) withDefaults() Limits {
	def := func(v *int, d int) {
		if *v <= 0 {
			*v = d
		}
	}
	def(&l.PerDevice, 60)
	def(&l.PerAddressAnonymous, 60)
	def(&l.NewDevicesPerAddress, 150)
	def(&l.PerAddress, 1000)
	def(&l.WrongTokensPerAddress, 10)
	return l
}

// limiter keeps the hourly counters. Their keys are HMACs under a salt
// derived from the secret and the UTC day: the table never holds an
// address or a token, yesterday's keys cannot be linked to today's, and
// without the secret (kept outside the database) the file alone cannot
// tell which address a key belongs to.
type limiter struct {
	store  *Store
	secret []byte
	limits Limits
}

// budget is one counter a write is checked against.
type budget struct {
	who   string // what is counted, e.g. "device:<id>"; only its HMAC is stored
	limit int
}

// limited counts one write from dev on network net and reports how long to
// wait if a budget is spent, and whether dev is an unsigned token that
// this write brought into use (the answer then carries its signed form).
func (l *limiter) limited(ctx context.Context, dev device, net string, now time.Time) (wait time.Duration, issued bool, err error) {
	if rand.IntN(50) == 0 {
		l.store.purge(ctx, now)
	}
	checks := []budget{{"addr:" + net, l.limits.PerAddress}}
	switch {
	case dev.id == "":
		checks = append(checks, budget{"anon:" + net, l.limits.PerAddressAnonymous})
	case !dev.signed:
		// A token the server did not sign is new unless it wrote this hour
		// already; a new one counts against its network's new devices,
		// before its own counter is made, so a refused one stays new.
		n, err := l.store.peek(ctx, l.key("device:"+dev.id, now), hourOf(now))
		if err != nil {
			return 0, false, err
		}
		if n == 0 {
			checks = append(checks, budget{"new-devices:" + net, l.limits.NewDevicesPerAddress})
		}
		issued = true
		fallthrough
	default:
		checks = append(checks, budget{"device:" + dev.id, l.limits.PerDevice})
	}
	for _, c := range checks {
		if wait, err := l.count(ctx, c, now); wait > 0 || err != nil {
			return wait, false, err
		}
	}
	return 0, issued, nil
}

// count adds one to c's counter for the hour and reports how long to wait
// if that went over its limit.
func (l *limiter) count(ctx context.Context, c budget, now time.Time) (time.Duration, error) {
	n, err := l.store.count(ctx, l.key(c.who, now), hourOf(now))
	if err != nil || n <= c.limit {
		return 0, err
	}
	return untilNextHour(now), nil
}

// over reports how long to wait if c's counter is already over its limit,
// without counting.
func (l *limiter) over(ctx context.Context, c budget, now time.Time) (time.Duration, error) {
	n, err := l.store.peek(ctx, l.key(c.who, now), hourOf(now))
	if err != nil || n <= c.limit {
		return 0, err
	}
	return untilNextHour(now), nil
}

// key is the stored name of a counter.
func (l *limiter) key(who string, now time.Time) string {
	day := hmac.New(sha256.New, l.secret)
	fmt.Fprintf(day, "salt\x00%s", now.UTC().Format("2006-01-02"))
	m := hmac.New(sha256.New, day.Sum(nil))
	fmt.Fprintf(m, "%s\x00%s", l.store.mapKey, who)
	return hex.EncodeToString(m.Sum(nil))[:32]
}

func hourOf(now time.Time) string { return now.UTC().Format("2006-01-02T15") }

func untilNextHour(now time.Time) time.Duration {
	next := now.UTC().Truncate(time.Hour).Add(time.Hour)
	return next.Sub(now) + time.Second
}

// count adds one to a key's counter for the hour and returns the new count,
// in one statement.
func (s *Store) count(ctx context.Context, key, bucket string) (int, error) {
	return s.counter(ctx, `INSERT INTO rate_limits (key, bucket, n) VALUES (?, ?, 1)
		ON CONFLICT (key, bucket) DO UPDATE SET n = n + 1 RETURNING n`, key, bucket)
}

// peek returns a key's count for the hour without changing it (0 if none).
func (s *Store) peek(ctx context.Context, key, bucket string) (int, error) {
	return s.counter(ctx, `SELECT n FROM rate_limits WHERE key = ? AND bucket = ?`, key, bucket)
}

func (s *Store) counter(ctx context.Context, q, key, bucket string) (int, error) {
	rows, err := s.db.QueryContext(ctx, q, key, bucket)
	if err != nil {
		return 0, fmt.Errorf("pins: rate limit: %w", err)
	}
	defer rows.Close()
	var n int
	if rows.Next() {
		err = rows.Scan(&n)
	}
	if err == nil {
		err = rows.Err()
	}
	if err != nil {
		return 0, fmt.Errorf("pins: rate limit: %w", err)
	}
	return n, nil
}

// purge drops counters older than two days (a promise of at most 30 days,
// kept with room to spare). Best effort: a failure only delays it.
func (s *Store) purge(ctx context.Context, now time.Time) {
	old := now.UTC().Add(-48 * time.Hour)
	s.db.ExecContext(ctx, `DELETE FROM rate_limits WHERE bucket < ?`, old.Format("2006-01-02T15"))
}
