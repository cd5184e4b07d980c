package golden

import "sync"

type counter struct {
	sync.Mutex
	n int
}

// The embedded mutex stays locked past the limit.
func (c *counter) inc(limit int) bool {
	c.Lock() // want LH105
	if c.n >= limit {
		return false
	}
	c.n++
	c.Unlock()
	return true
}
