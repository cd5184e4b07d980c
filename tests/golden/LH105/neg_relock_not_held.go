package golden

import "sync"

type dnsServer struct {
	lock    sync.Mutex
	started bool
	conns   map[int]bool
}

func unlockOnce(l sync.Locker) func() {
	var once sync.Once
	return func() { once.Do(l.Unlock) }
}

// The lock is released through a closure before serve runs: the mutex
// is passed to unlockOnce, so the rule does not guess when it is held.
func (s *dnsServer) listenAndServe() error {
	unlock := unlockOnce(&s.lock)
	s.lock.Lock()
	defer unlock()
	if s.started {
		return errMissing
	}
	s.started = true
	unlock()
	return s.serve()
}

// serve locks per accepted connection inside its loop, not on entry.
func (s *dnsServer) serve() error {
	for i := 0; i < 3; i++ {
		s.lock.Lock()
		s.conns[i] = true
		s.lock.Unlock()
	}
	return nil
}

type fakeStore struct {
	sync.Mutex
	sessions map[string]bool
}

// The lock is held with a deferred unlock only inside the branch, which
// always returns: lookup after the branch runs unlocked.
func (st *fakeStore) handle(path string) bool {
	if path == "/auth" {
		st.Lock()
		defer st.Unlock()
		st.sessions[path] = true
		return true
	}
	return st.lookup(path)
}

func (st *fakeStore) lookup(path string) bool {
	st.Lock()
	defer st.Unlock()
	return st.sessions[path]
}

type retryStream struct {
	mu        sync.Mutex
	committed bool
	attempt   int
}

// Each round unlocks before it runs the attempt and locks again after:
// the continue comes back to an unlock, not to a second Lock.
func (cs *retryStream) withRetry(op func(int) error) error {
	cs.mu.Lock()
	for {
		if cs.committed {
			cs.mu.Unlock()
			return op(cs.attempt)
		}
		a := cs.attempt
		cs.mu.Unlock()
		err := op(a)
		cs.mu.Lock()
		if a != cs.attempt {
			continue
		}
		cs.mu.Unlock()
		return err
	}
}

type chunkCache struct {
	wait sync.Mutex
	n    int
}

// The second Lock is on a new cache: the name was assigned in between.
func nextChunk(cache *chunkCache, n int) *chunkCache {
	if cache != nil && cache.n == n {
		cache.wait.Lock()
	}
	cache = &chunkCache{n: n + 1}
	cache.wait.Lock()
	go func() {
		cache.wait.Unlock()
	}()
	return cache
}
