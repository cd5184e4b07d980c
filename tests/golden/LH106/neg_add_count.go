package golden

import "sync"

// Counts match: two Adds, two goroutines.
func fetchBoth() {
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		process(1)
	}()
	go func() {
		defer wg.Done()
		process(2)
	}()
	wg.Wait()
}

// Three workers from a constant loop, each done once.
func fetchThree() {
	var wg sync.WaitGroup
	wg.Add(3)
	for i := 0; i < 3; i++ {
		go func(i int) {
			defer wg.Done()
			process(i)
		}(i)
	}
	wg.Wait()
}

// The function marks one unit done itself.
func fetchAndSelf() {
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		process(1)
	}()
	process(2)
	wg.Done()
	wg.Wait()
}
