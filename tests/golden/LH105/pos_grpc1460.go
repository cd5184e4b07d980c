package golden

import "sync"

type keepaliveClient struct {
	mu      sync.Mutex
	awaken  chan struct{}
	streams int
}

// Kernel of grpc-go#1460: with no active stream the keepalive goroutine
// waits to be woken while holding mu; the only code that wakes it takes
// mu first, so neither goes on.
func (t *keepaliveClient) keepalive() {
	t.mu.Lock()
	if t.streams < 1 {
		<-t.awaken // want LH105 "receive from t.awaken while holding t.mu blocks forever"
		t.mu.Unlock()
	} else {
		t.mu.Unlock()
	}
}

func (t *keepaliveClient) newStream() {
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
