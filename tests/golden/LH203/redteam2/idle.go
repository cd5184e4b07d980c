package rt2

import "time"

// An idle timeout that ends the loop: every message that arrives first
// still leaves its timer pending for a minute.
func idleTimeoutReturns(in <-chan int, handle func(int)) {
	for {
		select {
		case v := <-in:
			handle(v)
		case <-time.After(time.Minute): // want LH203
			return
		}
	}
}
