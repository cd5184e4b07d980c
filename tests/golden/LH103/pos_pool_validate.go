package golden

import "sync"

// A worker pool ranges over jobs; the feeder returns on the first invalid
// job before closing it, and every worker waits for more forever.
func feedPool(items []int, workers int) error {
	jobs := make(chan int)
	var wg sync.WaitGroup
	for i := 0; i < workers; i++ {
		wg.Add(1)
		go func() { // want LH103 "feedPool returns"
			defer wg.Done()
			for j := range jobs {
				record(j)
			}
		}()
	}
	for _, it := range items {
		if err := validate(it); err != nil {
			return err
		}
		jobs <- it
	}
	close(jobs)
	wg.Wait()
	return nil
}
