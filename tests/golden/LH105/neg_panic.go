package golden

import "sync"

type config struct {
	mu   sync.Mutex
	vals map[string]string
}

// The path that keeps the lock panics.
func (c *config) must(k string) string {
	c.mu.Lock()
	v, ok := c.vals[k]
	if !ok {
		panic("missing " + k)
	}
	c.mu.Unlock()
	return v
}
