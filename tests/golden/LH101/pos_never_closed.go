package golden

// The goroutine waits for a stop signal that nobody ever gives.
func watchConfig(n int) error {
	stop := make(chan struct{})
	go func() { // want LH101 "receiving from stop: nothing sends to or closes it"
		<-stop
		cleanup()
	}()
	return apply(n)
}
