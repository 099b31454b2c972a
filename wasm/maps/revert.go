package maps

import (
	"bytes"
	"encoding/json"
	"strings"
)

// Revert undoes, in current, the change that turned before into after (two
// consecutive revisions), feature by feature by feature id: each feature
// the change added is removed, each it changed or removed gets its state
// from before back, and top-level members it changed (title, bbox, …) are
// set back. Everything else in current — later changes to other features
// — stays. A restored feature goes back after the feature it followed in
// before, if current still has that one. Features without an id cannot be
// told apart between revisions, so a revert leaves them as current has them.
//
// A feature or member changed again since (current differs from after)
// is not the change's alone to take back: Revert leaves current as it is
// and answers a *ConflictError naming them, so a later keeper's work is
// never overwritten by an undo of an earlier one.
func Revert(before, after, current []byte) ([]byte, error) {
	b, err := splitCollection(before)
	if err != nil {
		return nil, err
	}
	a, err := splitCollection(after)
	if err != nil {
		return nil, err
	}
	c, err := splitCollection(current)
	if err != nil {
		return nil, err
	}
	if ids := conflicts(b, a, c); len(ids) > 0 {
		return nil, &ConflictError{IDs: ids}
	}
	revertMembers(b, a, c)
	for _, id := range touched(b, a) {
		at := c.index(id)
		i := b.index(id)
		switch {
		case i < 0 && at >= 0: // added by the change
			c.remove(at)
		case i >= 0 && at >= 0:
			c.features[at] = b.features[i]
		case i >= 0:
			c.insert(c.after(b, i), id, b.features[i])
		}
	}
	return c.bytes(), nil
}

// ConflictError is an undo whose change was changed again since: the ids
// of those features (a member's name for a top-level member, as "title").
type ConflictError struct{ IDs []string }

func (e *ConflictError) Error() string {
	return "maps: changed again since: " + strings.Join(e.IDs, ", ")
}

// conflicts lists what the change touched that current no longer has as
// the change left it.
func conflicts(b, a, c *collection) []string {
	var out []string
	for _, id := range touched(b, a) {
		j, k := a.index(id), c.index(id)
		if (j < 0) != (k < 0) || (j >= 0 && !sameJSON(a.features[j], c.features[k])) {
			out = append(out, id)
		}
	}
	keys := append(append([]string{}, b.keys...), a.keys...)
	seen := map[string]bool{}
	for _, key := range keys {
		if key == "features" || seen[key] {
			continue
		}
		seen[key] = true
		old, inB := b.members[key]
		now, inA := a.members[key]
		if inB == inA && sameJSON(old, now) {
			continue
		}
		cur, inC := c.members[key]
		if inA != inC || (inA && !sameJSON(now, cur)) {
			out = append(out, key)
		}
	}
	return out
}

// touched lists the ids of features that differ between before and after,
// in before's order, then those after added.
func touched(b, a *collection) []string {
	var ids []string
	for i, id := range b.ids {
		if j := a.index(id); id != "" && (j < 0 || !sameJSON(b.features[i], a.features[j])) {
			ids = append(ids, id)
		}
	}
	for _, id := range a.ids {
		if id != "" && b.index(id) < 0 {
			ids = append(ids, id)
		}
	}
	return ids
}

// after returns where in c the feature b.features[i] goes back: after the
// nearest feature before it in b that c still has, else first.
func (c *collection) after(b *collection, i int) int {
	for j := i - 1; j >= 0; j-- {
		if at := c.index(b.ids[j]); at >= 0 {
			return at + 1
		}
	}
	return 0
}

// revertMembers sets the top-level members the change touched back to
// before's.
func revertMembers(b, a, c *collection) {
	keys := append(append([]string{}, b.keys...), a.keys...)
	for _, k := range keys {
		if k == "features" {
			continue
		}
		old, inB := b.members[k]
		now, inA := a.members[k]
		if inB == inA && sameJSON(old, now) {
			continue
		}
		_, inC := c.members[k]
		switch {
		case inB && !inC:
			c.keys = append(c.keys, k)
			c.members[k] = old
		case inB:
			c.members[k] = old
		case inC:
			delete(c.members, k)
			for i, ck := range c.keys {
				if ck == k {
					c.keys = append(c.keys[:i], c.keys[i+1:]...)
					break
				}
			}
		}
	}
}

// sameJSON compares two JSON texts ignoring insignificant white space.
func sameJSON(x, y json.RawMessage) bool {
	var cx, cy bytes.Buffer
	if json.Compact(&cx, x) != nil || json.Compact(&cy, y) != nil {
		return bytes.Equal(x, y)
	}
	return bytes.Equal(cx.Bytes(), cy.Bytes())
}
