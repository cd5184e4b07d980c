package golden

import "context"

// The waiter can also leave through ctx.Done().
func waitOrCancel(ctx context.Context) {
	wake := make(chan struct{})
	go func() {
		select {
		case <-wake:
			cleanup()
		case <-ctx.Done():
		}
	}()
}
