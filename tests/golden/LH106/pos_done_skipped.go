package golden

import "sync"

// The error path returns before Done: Wait never returns.
func runAll(n int) {
	var wg sync.WaitGroup
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func(i int) { // want LH106 "return without wg.Done"
			if err := check(i); err != nil {
				return
			}
			process(i)
			wg.Done()
		}(i)
	}
	wg.Wait()
}
