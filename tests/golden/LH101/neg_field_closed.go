package golden

type ticker struct {
	donec chan struct{}
}

// Close closes donec: the watcher ends.
func newTicker() *ticker {
	t := &ticker{donec: make(chan struct{})}
	go func() {
		<-t.donec
		cleanup()
	}()
	return t
}

func (t *ticker) Close() { close(t.donec) }
