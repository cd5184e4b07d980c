package golden

// defer close wakes the goroutine on every return.
func watchClosed(n int) error {
	stop := make(chan struct{})
	defer close(stop)
	go func() {
		<-stop
		cleanup()
	}()
	return apply(n)
}
