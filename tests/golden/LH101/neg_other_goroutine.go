package golden

func produce(out chan int) {
	defer close(out)
	for i := 0; i < 3; i++ {
		out <- i
	}
}

// A producer goroutine sends; the consumer receives until close.
func pipeline() {
	c := make(chan int)
	go produce(c)
	go func() {
		for {
			v, ok := <-c
			if !ok {
				return
			}
			use(v)
		}
	}()
}

// One goroutine closes the channel another waits on.
func closer() {
	done := make(chan struct{})
	go func() {
		<-done
		cleanup()
	}()
	go func() {
		defer close(done)
		use(compute())
	}()
}
