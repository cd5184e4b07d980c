package negbroadcast

// Broadcast lives in another file of the package.
func (l *latch) fire() {
	l.mu.Lock()
	l.set = true
	l.done.Broadcast()
	l.mu.Unlock()
}
