package golden

import "context"

// break in the ctx.Done() case leaves the select, not the loop.
func watch(ctx context.Context, events chan int) {
	go func() { // want LH104
		for {
			select {
			case e := <-events:
				handle(e)
			case <-ctx.Done():
				break
			}
		}
	}()
}
