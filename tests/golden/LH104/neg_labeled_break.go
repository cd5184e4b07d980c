package golden

// A labeled break leaves the loop.
func consumeUntil(quit chan struct{}, events chan int) {
	go func() {
	loop:
		for {
			select {
			case e := <-events:
				handle(e)
			case <-quit:
				break loop
			}
		}
		refresh()
	}()
}
