package golden

import (
	"context"
	"sync"
)

// Kernel of a shutdown hang: a cancelled worker leaves without Done, and
// Stop waits forever.
func stopAll(ctx context.Context, jobs []int) {
	var wg sync.WaitGroup
	for _, j := range jobs {
		wg.Add(1)
		go func(j int) { // want LH106
			if ctx.Err() != nil {
				return
			}
			process(j)
			wg.Done()
		}(j)
	}
	wg.Wait()
}
