package poswrongcond

import "sync"

// A bounded queue with two conditions; push signals notFull by mistake,
// so a consumer waiting on notEmpty is never woken.
type boundedQueue struct {
	mu       sync.Mutex
	notEmpty *sync.Cond
	notFull  *sync.Cond
	items    []int
	max      int
}

func newBoundedQueue(max int) *boundedQueue {
	q := &boundedQueue{max: max}
	q.notEmpty = sync.NewCond(&q.mu)
	q.notFull = sync.NewCond(&q.mu)
	return q
}

func (q *boundedQueue) push(v int) {
	q.mu.Lock()
	defer q.mu.Unlock()
	for len(q.items) >= q.max {
		q.notFull.Wait()
	}
	q.items = append(q.items, v)
	q.notFull.Signal()
}

func (q *boundedQueue) pop() int {
	q.mu.Lock()
	defer q.mu.Unlock()
	for len(q.items) == 0 {
		q.notEmpty.Wait() // want LH107
	}
	v := q.items[0]
	q.items = q.items[1:]
	q.notFull.Signal()
	return v
}
