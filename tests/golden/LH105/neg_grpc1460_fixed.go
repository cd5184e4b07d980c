package golden

import "sync"

type keepaliveClientFixed struct {
	mu      sync.Mutex
	awaken  chan struct{}
	streams int
}

// Fixed: the keepalive goroutine releases mu before it waits.
func (t *keepaliveClientFixed) keepalive() {
	t.mu.Lock()
	if t.streams < 1 {
		t.mu.Unlock()
		<-t.awaken
		return
	}
	t.mu.Unlock()
}

func (t *keepaliveClientFixed) newStream() {
	t.mu.Lock()
	t.streams++
	if t.streams == 1 {
		select {
		case t.awaken <- struct{}{}:
		default:
		}
	}
	t.mu.Unlock()
}

type notifier struct {
	mu    sync.Mutex
	ready chan int
	n     int
}

// The sender does not need the lock: waiting under it is slow, not stuck.
func (s *notifier) wait() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.n + <-s.ready
}

func (s *notifier) notify(v int) {
	s.ready <- v
}
