package golden

import (
	"context"
	"sync"
)

// ctx.Done() is a channel, not a WaitGroup.
func watch(ctx context.Context, in chan int) {
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for {
			select {
			case v := <-in:
				process(v)
			case <-ctx.Done():
				return
			}
		}
	}()
	wg.Wait()
}
