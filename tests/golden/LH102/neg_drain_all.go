package golden

// Every result is received, the first error is kept.
func checkEach(ns []int) error {
	errc := make(chan error)
	for _, n := range ns {
		go func(n int) { errc <- check(n) }(n)
	}
	var first error
	for range ns {
		if err := <-errc; err != nil && first == nil {
			first = err
		}
	}
	return first
}
