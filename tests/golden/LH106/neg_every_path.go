package golden

import "sync"

// Done on every path, without defer.
func runExplicit(n int) {
	var wg sync.WaitGroup
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func(i int) {
			if check(i) != nil {
				wg.Done()
				return
			}
			process(i)
			wg.Done()
		}(i)
	}
	wg.Wait()
}
