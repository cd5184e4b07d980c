package golden

import "sync"

type store struct {
	mu    sync.Mutex
	items map[string]int
}

// The miss path returns with the lock held.
func (s *store) get(k string) (int, error) {
	s.mu.Lock() // want LH105 "mutex s.mu stays locked when store.get returns early"
	v, ok := s.items[k]
	if !ok {
		return 0, errMissing
	}
	s.mu.Unlock()
	return v, nil
}
