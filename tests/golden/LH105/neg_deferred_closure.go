package golden

import "sync"

type ledger struct {
	mu  sync.Mutex
	sum int
}

// Unlocked by a deferred closure.
func (l *ledger) add(v int) error {
	l.mu.Lock()
	defer func() {
		l.mu.Unlock()
	}()
	if v < 0 {
		return errMissing
	}
	l.sum += v
	return nil
}
