package golden

type balancer struct{ updates chan []string }

func newBalancer() *balancer {
	return &balancer{updates: make(chan []string)}
}

func (b *balancer) stop() { close(b.updates) }

type clientConn struct {
	bal   *balancer
	addrs []string
}

// watchUpdates applies address updates; it was meant to close done when
// the balancer's channel ends, and forgets to.
func (cc *clientConn) watchUpdates(done chan struct{}) {
	for a := range cc.bal.updates {
		cc.addrs = a
	}
}

// Kernel of grpc-go#1424: the dialer waits for the watcher to finish on
// a channel the watcher never closes.
func (cc *clientConn) dial() {
	waitc := make(chan error, 1)
	go func() { // want LH101 "receiving from done: nothing sends to or closes it"
		defer close(waitc)
		done := make(chan struct{})
		go cc.watchUpdates(done)
		<-done
	}()
	<-waitc
}
