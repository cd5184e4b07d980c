package golden

import "sync"

type registry struct {
	mu    sync.Mutex
	ready bool
}

// The name says it locks: the caller owns the unlock.
func (r *registry) lockIfReady() bool {
	r.mu.Lock()
	if !r.ready {
		r.mu.Unlock()
		return false
	}
	if r.ready {
		return true
	}
	r.mu.Unlock()
	return false
}
