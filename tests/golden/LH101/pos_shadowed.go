package golden

// The send goes to an inner ch that shadows the one the goroutine reads.
func shadowedSend() {
	ch := make(chan int)
	go func() { // want LH101
		use(<-ch)
	}()
	if compute() > 0 {
		ch := make(chan int, 1)
		ch <- 1
		use(<-ch)
	}
}
