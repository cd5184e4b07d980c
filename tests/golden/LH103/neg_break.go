package golden

// break leaves the loop but still reaches close.
func enqueueBreak(items []int) {
	queue := make(chan int)
	go func() {
		for it := range queue {
			record(it)
		}
	}()
	for _, it := range items {
		if validate(it) != nil {
			break
		}
		queue <- it
	}
	close(queue)
}
