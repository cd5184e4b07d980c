package golden

import "sync"

// Validation happens before the pool starts, and jobs is closed on every
// path of the feeder.
func feedPoolFixed(items []int, workers int) error {
	for _, it := range items {
		if err := validate(it); err != nil {
			return err
		}
	}
	jobs := make(chan int)
	var wg sync.WaitGroup
	for i := 0; i < workers; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				record(j)
			}
		}()
	}
	for _, it := range items {
		jobs <- it
	}
	close(jobs)
	wg.Wait()
	return nil
}

// The feeder closes with defer, so the early return closes too.
func feedPoolDefer(items []int) error {
	jobs := make(chan int)
	done := make(chan struct{})
	go func() {
		defer close(done)
		for j := range jobs {
			record(j)
		}
	}()
	defer func() {
		close(jobs)
		<-done
	}()
	for _, it := range items {
		if err := validate(it); err != nil {
			return err
		}
		jobs <- it
	}
	return nil
}
