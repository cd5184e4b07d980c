package negpassed

import "sync"

type waiter struct {
	mu   sync.Mutex
	cond *sync.Cond
	ok   bool
}

func register(c *sync.Cond) {}

// The cond is handed to a function that may signal it.
func newWaiter() *waiter {
	w := &waiter{}
	w.cond = sync.NewCond(&w.mu)
	register(w.cond)
	return w
}

func (w *waiter) wait() {
	w.mu.Lock()
	for !w.ok {
		w.cond.Wait()
	}
	w.mu.Unlock()
}
