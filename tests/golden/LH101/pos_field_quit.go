package golden

type poller struct {
	stopc chan struct{}
}

// Nothing in the package ever closes stopc: the watcher waits forever,
// one more per newPoller call.
func newPoller() *poller {
	p := &poller{stopc: make(chan struct{})}
	go func() { // want LH101 "receiving from stopc: nothing in the package sends to or closes it"
		<-p.stopc
		cleanup()
	}()
	return p
}
