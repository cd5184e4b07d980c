package golden

const workers = 3

// Buffered to the number of senders: early return is fine.
func checkThree() error {
	errc := make(chan error, workers)
	for i := 0; i < workers; i++ {
		go func(i int) {
			errc <- check(i)
		}(i)
	}
	for i := 0; i < workers; i++ {
		if err := <-errc; err != nil {
			return err
		}
	}
	return nil
}
