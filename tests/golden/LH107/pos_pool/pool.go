package pospool

import "sync"

// Kernel of a connection-pool bug: release returns the slot but never
// signals the waiters in acquire.
type pool struct {
	mu    sync.Mutex
	avail *sync.Cond
	free  int
}

func newPool(n int) *pool {
	p := &pool{free: n}
	p.avail = sync.NewCond(&p.mu)
	return p
}

func (p *pool) acquire() {
	p.mu.Lock()
	for p.free == 0 {
		p.avail.Wait() // want LH107
	}
	p.free--
	p.mu.Unlock()
}

func (p *pool) release() {
	p.mu.Lock()
	p.free++
	p.mu.Unlock()
}
