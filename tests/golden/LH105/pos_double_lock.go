package golden

import "sync"

type stopper struct {
	mu      sync.Mutex
	stopped bool
}

// Kernel of a double-stop bug: the second Stop locks the mutex it already
// holds, and waits for itself forever.
func (s *stopper) Stop() {
	s.mu.Lock() // want LH105 "stays locked when stopper.Stop returns early"
	if s.stopped {
		s.mu.Lock() // want LH105 "s.mu is locked again while still locked"
		return
	}
	s.stopped = true
	s.mu.Unlock()
}
