package golden

import "sync"

// Add inside the goroutine races with Wait.
func spawn(n int) {
	var wg sync.WaitGroup
	for i := 0; i < n; i++ {
		go func(i int) { // want LH106 "wg.Add runs inside the goroutine"
			wg.Add(1)
			defer wg.Done()
			process(i)
		}(i)
	}
	wg.Wait()
}
