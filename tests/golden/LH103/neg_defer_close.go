package golden

// defer close covers the early return.
func enqueueSafe(items []int) error {
	queue := make(chan int)
	defer close(queue)
	go func() {
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
	return nil
}
