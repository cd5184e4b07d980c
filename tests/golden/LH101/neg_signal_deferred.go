package golden

// done is closed on every path of the worker.
func runJobFixed(n int) {
	done := make(chan struct{})
	go func() {
		defer close(done)
		if err := apply(n); err != nil {
			return
		}
		use(n)
	}()
	<-done
	cleanup()
}

// The error path reports on its own channel, which the caller also
// watches.
func runJobTwoWays(n int) error {
	done := make(chan struct{})
	errc := make(chan error, 1)
	go func() {
		if err := apply(n); err != nil {
			errc <- err
			return
		}
		close(done)
	}()
	select {
	case <-done:
		return nil
	case err := <-errc:
		return err
	}
}
