// Go 1.23: an unreferenced armed timer is collected; LH204 is silent.
package go123

import (
	"context"
	"time"
)

func waitOrCancel(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}
