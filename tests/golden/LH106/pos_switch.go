package golden

import "sync"

// One switch arm returns without Done.
func classify(kinds []int) {
	var wg sync.WaitGroup
	for _, k := range kinds {
		wg.Add(1)
		go func(k int) { // want LH106
			switch k {
			case 0:
				process(0)
			case 1:
				return
			}
			wg.Done()
		}(k)
	}
	wg.Wait()
}
