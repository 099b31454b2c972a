package pins

import (
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
)

// secret returns the server secret with the given name, making a random
// one on first use. One statement: the upsert's no-op update makes
// RETURNING give the stored value whether this call inserted it or not, so
// concurrent first uses agree without a transaction (D1 has none).
func (s *Store) secret(ctx context.Context, name, now string) ([]byte, error) {
	fresh := make([]byte, 32)
	rand.Read(fresh)
	rows, err := s.db.QueryContext(ctx, `INSERT INTO secrets (name, value, created_at) VALUES (?, ?, ?)
		ON CONFLICT (name) DO UPDATE SET name = excluded.name RETURNING value`, name, hex.EncodeToString(fresh), now)
	if err != nil {
		return nil, fmt.Errorf("pins: secret: %w", err)
	}
	defer rows.Close()
	var v string
	if !rows.Next() {
		return nil, fmt.Errorf("pins: secret %s: no row returned", name)
	}
	if err := rows.Scan(&v); err != nil {
		return nil, fmt.Errorf("pins: secret: %w", err)
	}
	return hex.DecodeString(v)
}

// deleteToken derives the delete token of a pin from the server's key, the
// pin id and the submitting device's id (the unsigned part of its token, so
// signing a device changes none of its pins' tokens). Deriving (not
// storing) it lets a replay from the same device get the same answer, byte
// for byte, while someone who only knows the public id cannot. Without a
// device the token is random and returned once.
func (s *Store) deleteToken(ctx context.Context, id, device, now string) (string, error) {
	if device == "" {
		b := make([]byte, 32)
		rand.Read(b)
		return hex.EncodeToString(b), nil
	}
	key, err := s.secret(ctx, "delete-key", now)
	if err != nil {
		return "", err
	}
	m := hmac.New(sha256.New, key)
	fmt.Fprintf(m, "delete\x00%s\x00%s\x00%s", s.mapKey, id, device)
	return hex.EncodeToString(m.Sum(nil)), nil
}

// hashToken is what is stored of a delete token: its SHA-256.
func hashToken(t string) string {
	h := sha256.Sum256([]byte(t))
	return hex.EncodeToString(h[:])
}
