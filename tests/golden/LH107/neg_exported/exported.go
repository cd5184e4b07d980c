package negexported

import "sync"

// An exported cond: other packages may signal it.
type Notifier struct {
	Mu    sync.Mutex
	Ready *sync.Cond
	ok    bool
}

func (n *Notifier) Wait() {
	n.Mu.Lock()
	for !n.ok {
		n.Ready.Wait()
	}
	n.Mu.Unlock()
}
