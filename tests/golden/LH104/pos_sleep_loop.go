package golden

import "time"

// An exported starter can be called any number of times.
func StartRefresher(every time.Duration) {
	go func() { // want LH104
		for {
			time.Sleep(every)
			refresh()
		}
	}()
}
