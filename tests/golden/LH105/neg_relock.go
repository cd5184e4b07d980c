package golden

import "sync"

type gauge struct {
	mu  sync.RWMutex
	val int
}

// Unlocked before locking again, and two read locks in a row.
func (g *gauge) bump() int {
	g.mu.Lock()
	g.val++
	g.mu.Unlock()
	g.mu.RLock()
	v := g.val
	g.mu.RUnlock()
	g.mu.RLock()
	defer g.mu.RUnlock()
	return v + g.val
}

// The second Lock is in another goroutine: it waits, it does not deadlock.
func (g *gauge) later() {
	g.mu.Lock()
	go func() {
		g.mu.Lock()
		g.val = 0
		g.mu.Unlock()
	}()
	g.mu.Unlock()
}
