package negbothconds

import "sync"

// A bounded queue with two conditions; push signals notEmpty and pop signals notFull:
// each waiter has a waker.
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
	q.notEmpty.Signal()
}

func (q *boundedQueue) pop() int {
	q.mu.Lock()
	defer q.mu.Unlock()
	for len(q.items) == 0 {
		q.notEmpty.Wait()
	}
	v := q.items[0]
	q.items = q.items[1:]
	q.notFull.Signal()
	return v
}
