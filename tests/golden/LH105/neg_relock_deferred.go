package golden

import "sync"

type renewal struct {
	timerMu sync.Mutex
	closing chan struct{}
	armed   bool
}

// One deferred Unlock covers the lock taken again after a temporary
// unlock: every return releases it.
func (r *renewal) stop() {
	r.timerMu.Lock()
	defer r.timerMu.Unlock()
	for {
		if !r.armed {
			return
		}
		wait := make(chan struct{})
		r.closing = wait
		r.timerMu.Unlock()
		<-wait
		r.timerMu.Lock()
	}
}

type promise struct {
	mu    sync.Mutex
	state int
	value int
}

// run expects p.mu held and unlocks it: returning its result hands the
// lock on.
func (p *promise) get() (int, error) {
	p.mu.Lock()
	switch p.state {
	case 0:
		return p.run()
	default:
		defer p.mu.Unlock()
		return p.value, nil
	}
}

func (p *promise) run() (int, error) {
	p.state = 1
	p.mu.Unlock()
	return compute(), nil
}

func compute() int { return 1 }

type terminal struct {
	lock sync.Mutex
	buf  []byte
}

// readLine runs with t.lock held by its caller: it drops the lock around
// the read and takes it back, and returns with it held as it found it.
func (t *terminal) readLine(read func([]byte) (int, error)) error {
	for {
		t.lock.Unlock()
		n, err := read(t.buf)
		t.lock.Lock()
		if err != nil {
			return err
		}
		if n == 0 {
			return nil
		}
	}
}
