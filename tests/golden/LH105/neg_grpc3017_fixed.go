package golden

import "time"

// Fixed: the callback unlocks with defer.
func (c *subConnCache) scheduleExpiryFixed(addr string, after time.Duration) *time.Timer {
	return time.AfterFunc(after, func() {
		c.mu.Lock()
		defer c.mu.Unlock()
		if c.aborted[addr] {
			return
		}
		delete(c.entries, addr)
	})
}

// A helper literal kept in a variable is called on the outer path: not a
// callback of its own.
func (c *subConnCache) dropAll() {
	drop := func(k string) {
		delete(c.entries, k)
	}
	c.mu.Lock()
	for k := range c.entries {
		drop(k)
	}
	c.mu.Unlock()
}
