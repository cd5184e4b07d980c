package golden

import "sync"

// Done runs once per received value, in a loop: counting, not skipping.
func collectorDone(n int) {
	var wg sync.WaitGroup
	results := make(chan int, n)
	wg.Add(n)
	go func() {
		for range results {
			wg.Done()
		}
	}()
	for i := 0; i < n; i++ {
		results <- i
	}
	close(results)
	wg.Wait()
}
