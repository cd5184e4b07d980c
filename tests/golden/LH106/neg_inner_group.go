package golden

import "sync"

// The goroutine's own WaitGroup: Add and Wait in the same goroutine.
func nested(n int) {
	done := make(chan struct{})
	go func() {
		defer close(done)
		var inner sync.WaitGroup
		for i := 0; i < n; i++ {
			inner.Add(1)
			go func(i int) {
				defer inner.Done()
				process(i)
			}(i)
		}
		inner.Wait()
	}()
	<-done
}
