package golden

import (
	"context"
	"time"
)

// The ctx.Done() case returns.
func janitor(ctx context.Context) {
	go func() {
		t := time.NewTicker(time.Minute)
		defer t.Stop()
		for {
			select {
			case <-t.C:
				refresh()
			case <-ctx.Done():
				return
			}
		}
	}()
}
