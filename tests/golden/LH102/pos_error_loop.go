package golden

// Returning on the first error leaves the remaining workers blocked.
func checkAll(ns []int) error {
	errc := make(chan error)
	for _, n := range ns {
		go func(n int) { // want LH102 "returns from its receive loop"
			errc <- check(n)
		}(n)
	}
	for range ns {
		if err := <-errc; err != nil {
			return err
		}
	}
	return nil
}
