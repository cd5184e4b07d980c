package posfield

import "sync"

type queue struct {
	mu    sync.Mutex
	ready *sync.Cond
	items []int
}

func newQueue() *queue {
	q := &queue{}
	q.ready = sync.NewCond(&q.mu)
	return q
}

// push forgets to wake the waiters.
func (q *queue) push(v int) {
	q.mu.Lock()
	q.items = append(q.items, v)
	q.mu.Unlock()
}

func (q *queue) pop() int {
	q.mu.Lock()
	defer q.mu.Unlock()
	for len(q.items) == 0 {
		q.ready.Wait() // want LH107 "ready.Wait\(\) blocks forever"
	}
	v := q.items[0]
	q.items = q.items[1:]
	return v
}
