package golden

import "sync"

type gossip struct {
	mu     sync.Mutex
	closed bool
	peers  int
}

// Kernel of cockroach#584: the bootstrap loop breaks out when gossip is
// closed, and leaves the mutex locked behind it.
func (g *gossip) bootstrap() {
	for {
		g.mu.Lock() // want LH105 "g.mu stays locked"
		if g.closed {
			break
		}
		g.peers++
		g.mu.Unlock()
	}
	use(g.peers)
}
