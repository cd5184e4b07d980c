package nogoline

import "context"
import "time"

func wait(ctx context.Context) {
	c := time.Tick(time.Second) // want LH202
	for {
		select {
		case <-ctx.Done():
			return
		case <-c:
		}
	}
}
