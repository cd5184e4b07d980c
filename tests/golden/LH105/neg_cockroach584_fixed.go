package golden

// Fixed: unlock before leaving the loop.
func (g *gossip) bootstrapFixed() {
	for {
		g.mu.Lock()
		if g.closed {
			g.mu.Unlock()
			break
		}
		g.peers++
		g.mu.Unlock()
	}
	use(g.peers)
}

// Breaking out with the lock held is fine when the code after the loop
// releases it.
func (g *gossip) bootstrapUnlockAfter() {
	for {
		g.mu.Lock()
		if g.closed {
			break
		}
		g.peers++
		g.mu.Unlock()
	}
	g.mu.Unlock()
}
