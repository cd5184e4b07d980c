package golden

import "sync"

// defer wg.Done() covers every path.
func runDeferred(n int) {
	var wg sync.WaitGroup
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			if check(i) != nil {
				return
			}
			process(i)
		}(i)
	}
	wg.Wait()
}
