package golden

import "sync"

type conn struct {
	mu     sync.Mutex
	closed bool
}

// Returns with the lock held on success: the caller unlocks.
func (c *conn) acquire() error {
	c.mu.Lock()
	if c.closed {
		c.mu.Unlock()
		return errMissing
	}
	return nil
}

func (c *conn) write() error {
	if err := c.acquire(); err != nil {
		return err
	}
	defer c.mu.Unlock()
	return nil
}
