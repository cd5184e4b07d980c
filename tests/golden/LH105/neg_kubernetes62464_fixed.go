package golden

import "sync"

// Fixed: the outer reader calls the lock-free variant.
func (s *cpuState) getOrDefaultFixed(id string) int {
	s.RLock()
	defer s.RUnlock()
	if v, ok := s.sets[id]; ok {
		return v
	}
	return s.def
}

type readOnlyTable struct {
	mu   sync.RWMutex
	rows map[string]int
}

// Nothing ever write-locks this table: nested read locks cannot queue
// behind a writer.
func (t *readOnlyTable) lookup(k string) int {
	t.mu.RLock()
	defer t.mu.RUnlock()
	return t.size() + t.rows[k]
}

func (t *readOnlyTable) size() int {
	t.mu.RLock()
	defer t.mu.RUnlock()
	return len(t.rows)
}
