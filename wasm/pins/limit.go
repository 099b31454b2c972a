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

// Limits are how many writes (pins and reports) one source may make per
// hour; the zero value means the defaults below.
type Limits struct {
	// PerDevice: a resident on a walk drops a pin every few minutes; 60 an
	// hour leaves room for an eager one. Default 60.
	PerDevice int
	// PerAddressAnonymous: requests without a device token, per IP address.
	// Default 60.
	PerAddressAnonymous int
	// PerAddress caps one IP address whatever the device tokens say, so
	// rotating tokens cannot flood; a street party of 200 phones on one
	// Wi-Fi stays far below it. Default 10,000.
	PerAddress int
}

func (l Limits) withDefaults() Limits {
	if l.PerDevice <= 0 {
		l.PerDevice = 60
	}
	if l.PerAddressAnonymous <= 0 {
		l.PerAddressAnonymous = 60
	}
	if l.PerAddress <= 0 {
		l.PerAddress = 10000
	}
	return l
}

// limited counts one write for the source (device token first, the IP
// address when there is none) and reports how long to wait if it is over
// its limit. Keys are HMACs under a salt that changes every UTC day, so
// the table never holds an address or a token, and yesterday's keys cannot
// be linked to today's.
func (s *Store) limited(ctx context.Context, l Limits, device, addr string, now time.Time) (retryAfter time.Duration, err error) {
	day, hour := now.UTC().Format("2006-01-02"), now.UTC().Format("2006-01-02T15")
	stamp := now.UTC().Format(time.RFC3339)
	salt, err := s.secret(ctx, "salt:"+day, stamp)
	if err != nil {
		return 0, err
	}
	if rand.IntN(50) == 0 {
		s.purge(ctx, now)
	}
	type budget struct {
		who   string
		limit int
	}
	checks := []budget{{"addr:" + addr, l.PerAddress}}
	if device != "" {
		checks = append(checks, budget{"device:" + device, l.PerDevice})
	} else {
		checks = append(checks, budget{"anon:" + addr, l.PerAddressAnonymous})
	}
	for _, c := range checks {
		m := hmac.New(sha256.New, salt)
		fmt.Fprintf(m, "%s\x00%s", s.mapKey, c.who)
		n, err := s.count(ctx, hex.EncodeToString(m.Sum(nil))[:32], hour)
		if err != nil {
			return 0, err
		}
		if n > c.limit {
			next := now.UTC().Truncate(time.Hour).Add(time.Hour)
			return next.Sub(now) + time.Second, nil
		}
	}
	return 0, nil
}

// count adds one to a key's counter for the hour and returns the new count,
// in one statement.
func (s *Store) count(ctx context.Context, key, bucket string) (int, error) {
	rows, err := s.db.QueryContext(ctx, `INSERT INTO rate_limits (key, bucket, n) VALUES (?, ?, 1)
		ON CONFLICT (key, bucket) DO UPDATE SET n = n + 1 RETURNING n`, key, bucket)
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

// purge drops counters and salts older than two days (a promise of at most
// 30 days, kept with room to spare). Best effort: a failure only delays it.
func (s *Store) purge(ctx context.Context, now time.Time) {
	old := now.UTC().Add(-48 * time.Hour)
	s.db.ExecContext(ctx, `DELETE FROM rate_limits WHERE bucket < ?`, old.Format("2006-01-02T15"))
	s.db.ExecContext(ctx, `DELETE FROM secrets WHERE name LIKE 'salt:%' AND name < ?`, "salt:"+old.Format("2006-01-02"))
}
