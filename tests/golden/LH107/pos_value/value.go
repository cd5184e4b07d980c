package posvalue

import "sync"

type gate struct {
	mu   sync.Mutex
	cond sync.Cond
	open bool
}

func (g *gate) init() { g.cond.L = &g.mu }

func (g *gate) pass() {
	g.mu.Lock()
	for !g.open {
		g.cond.Wait() // want LH107
	}
	g.mu.Unlock()
}

// Opening the gate does not wake anyone.
func (g *gate) unlock() {
	g.mu.Lock()
	g.open = true
	g.mu.Unlock()
}
