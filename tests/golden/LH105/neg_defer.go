package golden

import "sync"

type cache struct {
	mu sync.Mutex
	m  map[string]string
}

// defer unlocks on every path.
func (c *cache) lookup(k string) (string, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	v, ok := c.m[k]
	if !ok {
		return "", errMissing
	}
	return v, nil
}
