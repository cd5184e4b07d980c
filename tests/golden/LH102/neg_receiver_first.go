package golden

// The receiver is started before the send: the hand-off completes.
func handToWorker(n int) {
	in := make(chan int)
	done := make(chan struct{})
	go func() {
		defer close(done)
		_ = check(<-in)
	}()
	in <- n
	<-done
}
