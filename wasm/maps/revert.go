package maps

import (
	"bytes"
	"encoding/json"
)

// Revert undoes, in current, the change that turned before into after (two
// consecutive revisions), feature by feature by feature id: each feature
// the change added is removed, each it changed or removed gets its state
// from before back, and top-level members it changed (title, bbox, …) are
// set back. Everything else in current — later changes to other features
// — stays. A restored feature goes back after the feature it followed in
// before, if current still has that one. Features without an id cannot be
// told apart between revisions, so a revert leaves them as current has them.
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
