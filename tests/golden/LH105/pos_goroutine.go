package golden

import "sync"

// A goroutine that bails out keeps the shared lock.
func update(mu *sync.Mutex, m map[string]int, k string) {
	go func() {
		mu.Lock() // want LH105
		if !valid(k) {
			return
		}
		m[k]++
		mu.Unlock()
	}()
}
