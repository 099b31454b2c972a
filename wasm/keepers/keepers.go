// Package keepers is the keepers' workshop API: the residents who keep a
// map sign in with a one-time link, moderate its pins, promote good pins to
// places, and undo revisions, every action in a log under their name. The
// same Handler runs in `buurtkaart serve` over SQLite and in the Worker
// over D1 (no transactions: every write is one statement). See API.md.
package keepers

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"strings"
	"unicode"
)

// Keeper is a resident who keeps a map.
type Keeper struct {
	ID      string `json:"id"`
	Name    string `json:"name"`
	Map     string `json:"-"`
	AddedAt string `json:"added_at"`
	AddedBy string `json:"added_by"`
	Revoked bool   `json:"revoked"`
}

// Entry is one line of a map's keeper log.
type Entry struct {
	At     string `json:"at"`
	Keeper string `json:"keeper"`
	Action string `json:"action"`
	Detail string `json:"detail"`
}

var (
	// ErrNotFound: no such keeper, or a code or token the store does not know.
	ErrNotFound = errors.New("keepers: not found")
	// ErrLast: the map's last keeper cannot be removed by a keeper.
	ErrLast = errors.New("keepers: the last keeper of a map cannot be removed")
	// ErrName: a keeper's name is 1–60 characters without control characters.
	ErrName = errors.New("keepers: a name is 1–60 characters")
)

// SeededBy is added_by of the keeper Seed makes from the deployment's
// moderator token.
const SeededBy = "BUURTKAART_MODERATOR_TOKEN"

// newSecret is 32 random bytes, base64url: a sign-in code or a token.
func newSecret() string {
	b := make([]byte, 32)
	rand.Read(b)
	return base64.RawURLEncoding.EncodeToString(b)
}

// newID is a keeper's id: 9 random bytes, base64url (12 characters).
func newID() string {
	b := make([]byte, 9)
	rand.Read(b)
	return base64.RawURLEncoding.EncodeToString(b)
}

// hash is what the store keeps of a code or token: its SHA-256, in hex.
func hash(secret string) string {
	h := sha256.Sum256([]byte(secret))
	return hex.EncodeToString(h[:])
}

// cleanName checks a keeper's name.
func cleanName(name string) (string, error) {
	name = strings.TrimSpace(name)
	if name == "" || len([]rune(name)) > 60 || strings.IndexFunc(name, unicode.IsControl) >= 0 {
		return "", ErrName
	}
	return name, nil
}
