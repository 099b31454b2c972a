package pins

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"fmt"
)

// MinSecret is the shortest moderator token or limit secret accepted, in
// characters. A 24-character token of letters and digits is over 140 bits;
// `openssl rand -hex 16` makes a 32-character one.
const MinSecret = 24

// Names of the host settings FromEnv reads: environment variables for
// `serve`, Worker secrets at the edge (wrangler secret put NAME).
const (
	EnvModeratorToken = "BUURTKAART_MODERATOR_TOKEN"
	EnvLimitSecret    = "BUURTKAART_LIMIT_SECRET"
)

// FromEnv sets o's moderator token and secret from the host's settings
// (os.Getenv natively, cloudflare.Getenv at the edge). It refuses a token
// or secret shorter than MinSecret. The secret is, in order:
// BUURTKAART_LIMIT_SECRET; else one derived from the moderator token (also
// outside the database, and stable across restarts); else a random one for
// this process, so limits and issued device tokens start afresh at every
// restart. warning says which, when it is not the first.
func (o *Options) FromEnv(getenv func(string) string) (warning string, err error) {
	token, secret := getenv(EnvModeratorToken), getenv(EnvLimitSecret)
	for _, s := range []struct{ name, value, nl string }{
		{EnvModeratorToken, token, "de moderatorsleutel"}, {EnvLimitSecret, secret, "het limietgeheim"},
	} {
		if s.value != "" && len(s.value) < MinSecret {
			return "", fmt.Errorf("pins: %s in %s is te kort: %d tekens, minstens %d / %s is %d characters, too short to be safe from guessing: use at least %d, e.g. `openssl rand -hex 16`",
				s.nl, s.name, len(s.value), MinSecret, s.name, len(s.value), MinSecret)
		}
	}
	o.ModeratorToken = token
	switch {
	case secret != "":
		o.Secret = []byte(secret)
	case token != "":
		m := hmac.New(sha256.New, []byte(token))
		m.Write([]byte("buurtkaart limit secret"))
		o.Secret = m.Sum(nil)
		warning = EnvLimitSecret + " is not set: rate limits are keyed with a secret derived from " + EnvModeratorToken
	default:
		o.Secret = randomSecret()
		warning = EnvLimitSecret + " is not set: rate limits are keyed with a random secret until restart (limits and device tokens start afresh then)"
	}
	return warning, nil
}

func randomSecret() []byte {
	b := make([]byte, 32)
	rand.Read(b)
	return b
}
