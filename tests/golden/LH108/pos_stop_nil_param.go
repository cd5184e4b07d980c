package golden

// The caller's stop channel was declared and never made: the goroutine
// it starts waits on nil forever.
func startPoller() {
	var stop chan struct{}
	go func() { // want LH108 "receiving from nil channel stop"
		<-stop
		serveConn()
	}()
}
