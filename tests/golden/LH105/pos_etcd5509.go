package golden

import (
	"errors"
	"sync"
)

var errConnClosed = errors.New("connection closed")

type kvClient struct {
	mu     sync.RWMutex
	closed bool
}

// Kernel of etcd#5509: acquire read-locks the client and returns the
// "closed" error without releasing it; Close then waits forever.
func (c *kvClient) acquire() error {
	for {
		c.mu.RLock() // want LH105 "read lock c.mu stays locked when kvClient.acquire returns early"
		if c.closed {
			return errConnClosed
		}
		c.mu.RUnlock()
	}
}
