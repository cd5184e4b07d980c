package golden

import "time"

var started bool

// A package-level flag guards the start.
func ensureTicker() {
	if started {
		return
	}
	started = true
	go func() {
		for {
			time.Sleep(time.Second)
			refresh()
		}
	}()
}
