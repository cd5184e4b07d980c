package golden

import (
	"context"
	"time"
)

func probeOnce() bool { return true }

// Kernel of moby#33781: a health monitor probes on every tick in a
// goroutine; when stop arrives while a probe runs, the monitor returns
// and the probe's result is never taken.
func healthMonitor(stop chan struct{}, every, limit time.Duration) {
	for {
		select {
		case <-stop:
			return
		case <-time.After(every):
			results := make(chan bool)
			ctx, cancel := context.WithTimeout(context.Background(), limit)
			go func() { // want LH102 "sending on results after healthMonitor takes the <-stop case"
				results <- probeOnce()
				close(results)
			}()
			select {
			case <-stop:
				cancel()
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
