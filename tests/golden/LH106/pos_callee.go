package golden

import "sync"

func worker(wg *sync.WaitGroup, i int) {
	if check(i) != nil {
		return
	}
	process(i)
	wg.Done()
}

// A named worker skips Done on its error path.
func runWorkers(n int) {
	var wg sync.WaitGroup
	wg.Add(n)
	for i := 0; i < n; i++ {
		go worker(&wg, i) // want LH106
	}
	wg.Wait()
}
