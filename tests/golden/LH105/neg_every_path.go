package golden

import "sync"

type queue struct {
	mu    sync.Mutex
	items []int
}

// Unlocked explicitly on every path, no defer.
func (q *queue) pop() (int, bool) {
	q.mu.Lock()
	if len(q.items) == 0 {
		q.mu.Unlock()
		return 0, false
	}
	v := q.items[0]
	q.items = q.items[1:]
	q.mu.Unlock()
	return v, true
}
