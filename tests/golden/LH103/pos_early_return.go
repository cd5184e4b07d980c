package golden

// An invalid item returns before close(queue).
func enqueue(items []int) error {
	queue := make(chan int)
	go func() { // want LH103 "not closed when enqueue returns early"
		for it := range queue {
			record(it)
		}
	}()
	for _, it := range items {
		if err := validate(it); err != nil {
			return err
		}
		queue <- it
	}
	close(queue)
	return nil
}
