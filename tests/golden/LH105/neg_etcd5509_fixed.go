package golden

// Fixed: release before returning the error.
func (c *kvClient) acquireFixed() error {
	for {
		c.mu.RLock()
		if c.closed {
			c.mu.RUnlock()
			return errConnClosed
		}
		c.mu.RUnlock()
	}
}
