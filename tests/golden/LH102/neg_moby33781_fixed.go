package golden

import (
	"context"
	"time"
)

// Fixed: the stop path drains the probe before returning.
func healthMonitorFixed(stop chan struct{}, every, limit time.Duration) {
	for {
		select {
		case <-stop:
			return
		case <-time.After(every):
			results := make(chan bool)
			ctx, cancel := context.WithTimeout(context.Background(), limit)
			go func() {
				results <- probeOnce()
				close(results)
			}()
			select {
			case <-stop:
				cancel()
				<-results
				return
			case <-results:
				cancel()
			case <-ctx.Done():
				cancel()
				<-results
			}
		}
	}
}
