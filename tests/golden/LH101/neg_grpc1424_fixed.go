package golden

// The fixed watcher closes done on its way out.
func (cc *clientConn) watchUpdatesFixed(done chan struct{}) {
	defer close(done)
	for a := range cc.bal.updates {
		cc.addrs = a
	}
}

func (cc *clientConn) dialFixed() {
	waitc := make(chan error, 1)
	go func() {
		defer close(waitc)
		done := make(chan struct{})
		go cc.watchUpdatesFixed(done)
		<-done
	}()
	<-waitc
}
