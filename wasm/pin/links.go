package pin

import "strings"

// HasLink reports whether text holds a web address or e-mail-like link. Such
// pins always wait for a moderator: a map of residents' words is not a
// place for advertising or phishing, and links are how both arrive.
func HasLink(text string) bool {
	t := strings.ToLower(text)
	for _, s := range []string{"http:", "https:", "www.", "://"} {
		if strings.Contains(t, s) {
			return true
		}
	}
	// A bare domain such as "koop-nu.nl" or "example.com/x".
	for _, f := range strings.FieldsFunc(t, func(r rune) bool { return r == ' ' || r == '\n' || r == '\t' || r == '(' || r == ')' }) {
		f = strings.TrimRight(f, ".,;:!?")
		dot := strings.LastIndexByte(f, '.')
		if dot > 0 && dot < len(f)-2 && isTLD(f[dot+1:]) {
			return true
		}
	}
	return false
}

// isTLD recognises the top-level domains seen in Dutch spam and links; a
// sentence ending "…de markt.Daarna" does not match because "daarna" is none.
func isTLD(s string) bool {
	if i := strings.IndexByte(s, '/'); i >= 0 {
		s = s[:i]
	}
	switch s {
	case "nl", "com", "net", "org", "eu", "be", "de", "info", "biz", "io", "shop", "online", "site", "xyz", "ly", "me", "app":
		return true
	}
	return false
}
