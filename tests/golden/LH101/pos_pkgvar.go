package golden

var shutdown = make(chan struct{})

// Nothing in the package closes shutdown: each call parks one more waiter.
func watchShutdown() {
	go func() { // want LH101 "receiving from shutdown"
		<-shutdown
		cleanup()
	}()
}
