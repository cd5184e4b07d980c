package golden

import "sync"

// The group is sized for three fetches, but the third fetch was removed
// in a refactoring: Wait waits for a Done that never comes.
func fetchAll() {
	var wg sync.WaitGroup
	wg.Add(3)
	go func() {
		defer wg.Done()
		process(1)
	}()
	go func() {
		defer wg.Done()
		process(2)
	}()
	wg.Wait() // want LH106 "wg.Add counts 3, but only 2 Done calls can happen"
}
