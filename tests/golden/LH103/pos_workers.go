package golden

// Kernel of a worker-pool bug: the jobs channel is never closed, so the
// workers outlive every call.
func process(jobs []int) int {
	work := make(chan int)
	results := make(chan int, len(jobs))
	for w := 0; w < 4; w++ {
		go func() { // want LH103
			for j := range work {
				results <- j * j
			}
		}()
	}
	for _, j := range jobs {
		work <- j
	}
	total := 0
	for range jobs {
		total += <-results
	}
	return total
}
