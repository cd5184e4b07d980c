package golden

import "sync"

// Fixed: a closer goroutine waits for the workers and closes results, so
// the range ends.
func sumAllFixed(xs []int) int {
	results := make(chan int)
	var wg sync.WaitGroup
	for _, x := range xs {
		wg.Add(1)
		go func(x int) {
			defer wg.Done()
			results <- x * 2
		}(x)
	}
	go func() {
		wg.Wait()
		close(results)
	}()
	sum := 0
	for r := range results {
		sum += r
	}
	return sum
}

// Counting the receives instead of ranging needs no close.
func sumCounted(xs []int) int {
	results := make(chan int)
	for _, x := range xs {
		go func(x int) {
			results <- x * 2
		}(x)
	}
	sum := 0
	for range xs {
		sum += <-results
	}
	return sum
}
