package golden

import "sync"

type cpuState struct {
	sync.RWMutex
	sets map[string]int
	def  int
}

// Kernel of kubernetes#62464: a reader holds the read lock and calls
// another reader that read-locks again. When SetDefault's Lock queues in
// between, the inner RLock waits behind it and the writer waits for the
// outer read lock: both goroutines hang.
func (s *cpuState) getOrDefault(id string) int {
	s.RLock()
	defer s.RUnlock()
	if v, ok := s.get(id); ok { // want LH105 "s.get locks s again"
		return v
	}
	return s.def
}

func (s *cpuState) get(id string) (int, bool) {
	s.RLock()
	defer s.RUnlock()
	v, ok := s.sets[id]
	return v, ok
}

func (s *cpuState) setDefault(v int) {
	s.Lock()
	defer s.Unlock()
	s.def = v
}
