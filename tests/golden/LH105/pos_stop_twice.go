package golden

import "sync"

type server struct {
	mu       sync.Mutex
	draining bool
}

// Kernel of a graceful-stop bug: the second Stop returns with the lock
// held, and the next Serve blocks forever.
func (s *server) Stop() {
	s.mu.Lock() // want LH105
	if s.draining {
		return
	}
	s.draining = true
	s.mu.Unlock()
}

func (s *server) Serve() {
	s.mu.Lock()
	defer s.mu.Unlock()
}
