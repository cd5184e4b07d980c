package golden

import "sync"

type machine struct {
	mu    sync.Mutex
	state int
}

// One switch arm forgets the unlock.
func (m *machine) step(ev int) int {
	m.mu.Lock() // want LH105
	switch ev {
	case 0:
		m.state = 0
	case 1:
		if m.state == 2 {
			return -1
		}
		m.state = 1
	}
	s := m.state
	m.mu.Unlock()
	return s
}
