package golden

import "sync"

type portMapping struct {
	mut   sync.RWMutex
	addrs map[string]int
}

// Kernel of syncthing#4829: clearing write-locks the mapping and then
// notifies, which read-locks the same mutex.
func (m *portMapping) clear() {
	m.mut.Lock()
	var gone []int
	for k, a := range m.addrs {
		gone = append(gone, a)
		delete(m.addrs, k)
	}
	if len(gone) > 0 {
		m.notify(gone) // want LH105 "m.notify locks m.mut again"
	}
	m.mut.Unlock()
}

func (m *portMapping) notify(gone []int) {
	m.mut.RLock()
	defer m.mut.RUnlock()
	for _, a := range gone {
		use(a)
	}
}

// A second type with a field of the same name: the mutex is still known
// by the field's declared type in each struct.
type natService struct {
	mut      sync.RWMutex
	mappings []*portMapping
}

func (s *natService) remove(m *portMapping) {
	s.mut.Lock()
	defer s.mut.Unlock()
	for _, existing := range s.mappings {
		if existing == m {
			m.clear()
		}
	}
}
