package pins

import (
	"net/http"

	"github.com/buurtkaart/buurtkaart/wasm/pin"
)

// answerReplay answers a pin whose id is already stored.
//
// From the device that stored it (its delete token derives to the stored
// hash), a replay is an outbox confirming what it sent after a lost answer:
// the same answer as the first time, byte for byte, before any limit is
// counted; other content is a clash.
//
// From anyone else it reveals nothing the map does not show: it counts
// against their limits like any write, and is answered from the public
// view only — 201 with the public pin and no token when the public fields
// match, 409 otherwise, and 409 for a pin that is not on the map. Private
// fields (an author without consent) are never compared, so guessing them
// gets the same answer right or wrong. counted: the limits were counted
// for this request already (it lost an insert race).
func (h *handler) answerReplay(w http.ResponseWriter, r *http.Request, sent pin.Pin, old Stored, dev device, stamp string, counted bool) {
	if dev.id != "" {
		t, err := h.store.deleteToken(r.Context(), sent.ID, dev.id, stamp)
		if err != nil {
			h.fail(w, err)
			return
		}
		if hashToken(t) == old.DeleteHash {
			if !old.Same(sent) {
				writeProblem(w, pin.Clash)
				return
			}
			h.answerCreated(w, old.Pin, t)
			return
		}
	}
	if !counted && h.overLimit(w, r, dev, h.opts.Now(), tooManyPins) {
		return
	}
	if old.Status != pin.Visible || !sent.Public().Same(old.Public()) {
		writeProblem(w, pin.Clash)
		return
	}
	h.answerCreated(w, old.Public(), "")
}
