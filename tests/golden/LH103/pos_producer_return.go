package golden

// The producer goroutine bails out before closing; the consumer ranges on.
func transform(items []int) {
	ch := make(chan int)
	go func() {
		for _, it := range items {
			if it < 0 {
				return
			}
			ch <- it
		}
		close(ch)
	}()
	go func() { // want LH103 "its producer"
		for v := range ch {
			record(v)
		}
	}()
}
