package golden

import "sync"

// The path without Done panics.
func mustAll(n int) {
	var wg sync.WaitGroup
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func(i int) {
			if check(i) != nil {
				panic("bad input")
			}
			process(i)
			wg.Done()
		}(i)
	}
	wg.Wait()
}
