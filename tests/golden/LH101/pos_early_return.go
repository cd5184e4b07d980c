package golden

// close(ready) is skipped when apply fails: the waiter stays parked.
func startWithReady(n int) error {
	ready := make(chan struct{})
	go func() { // want LH101 "when startWithReady returns early"
		<-ready
		use(n)
	}()
	if err := apply(n); err != nil {
		return err
	}
	close(ready)
	return nil
}
