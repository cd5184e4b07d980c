package negbroadcast

import "sync"

type latch struct {
	mu   sync.Mutex
	done *sync.Cond
	set  bool
}

func newLatch() *latch {
	l := &latch{}
	l.done = sync.NewCond(&l.mu)
	return l
}

func (l *latch) wait() {
	l.mu.Lock()
	for !l.set {
		l.done.Wait()
	}
	l.mu.Unlock()
}
