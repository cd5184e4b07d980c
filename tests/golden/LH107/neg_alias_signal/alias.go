package negaliassignal

import "sync"

type slot struct {
	mu   sync.Mutex
	full *sync.Cond
	v    int
}

func newSlot() *slot {
	s := &slot{}
	s.full = sync.NewCond(&s.mu)
	return s
}

func (s *slot) take() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	for s.v == 0 {
		s.full.Wait()
	}
	return s.v
}

// Signalled through a local alias.
func (s *slot) put(v int) {
	c := s.full
	s.mu.Lock()
	s.v = v
	c.Signal()
	s.mu.Unlock()
}
