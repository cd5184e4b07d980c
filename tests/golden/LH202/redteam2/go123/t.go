package t123

import "context"
import "time"

func wait(ctx context.Context) {
	c := time.Tick(time.Second)
	for {
		select {
		case <-ctx.Done():
			return
		case <-c:
		}
	}
}
