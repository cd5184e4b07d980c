package poslocal

import "sync"

// A local cond waited on by a goroutine, never signalled.
func waitReady(flag *bool) {
	var mu sync.Mutex
	cond := sync.NewCond(&mu)
	go func() {
		mu.Lock()
		for !*flag {
			cond.Wait() // want LH107
		}
		mu.Unlock()
	}()
	mu.Lock()
	*flag = true
	mu.Unlock()
}
