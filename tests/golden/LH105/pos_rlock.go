package golden

import "sync"

type table struct {
	rw   sync.RWMutex
	rows []string
}

// A read lock left held blocks every writer.
func (t *table) row(i int) string {
	t.rw.RLock() // want LH105 "read lock t.rw"
	if i >= len(t.rows) {
		return ""
	}
	r := t.rows[i]
	t.rw.RUnlock()
	return r
}
