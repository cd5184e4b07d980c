package golden

// The worker closes done only when it succeeds; on the error path it
// returns first and the caller waits forever.
func runJob(n int) {
	done := make(chan struct{})
	go func() {
		if err := apply(n); err != nil {
			return
		}
		close(done)
	}()
	<-done // want LH101 "receive from done blocks forever when the goroutine returns at line 9"
	cleanup()
}
