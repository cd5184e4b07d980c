package golden

import (
	"sync"
	"time"
)

type subConnCache struct {
	mu      sync.Mutex
	entries map[string]int
	aborted map[string]bool
}

// Kernel of grpc-go#3017: the expiry callback returns early when the
// deletion was aborted, with the cache mutex still held; every later
// cache call blocks.
func (c *subConnCache) scheduleExpiry(addr string, after time.Duration) *time.Timer {
	return time.AfterFunc(after, func() {
		c.mu.Lock() // want LH105 "c.mu stays locked when subConnCache.scheduleExpiry.func1 returns early"
		if c.aborted[addr] {
			return
		}
		delete(c.entries, addr)
		c.mu.Unlock()
	})
}
