package golden

// The stop channel is made before the goroutine starts and closed later.
func startPollerMade() func() {
	var stop chan struct{}
	stop = make(chan struct{})
	go func() {
		<-stop
		serveConn()
	}()
	return func() { close(stop) }
}
