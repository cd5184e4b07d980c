package golden

import "time"

// A ticker's channel is never closed: the range never ends.
func startReporter(every time.Duration) {
	t := time.NewTicker(every) // want LH201
	go func() { // want LH104
		for range t.C {
			refresh()
		}
	}()
}

// time.Tick, same thing.
func startTicking() {
	go func() { // want LH104
		for now := range time.Tick(time.Second) {
			_ = now
			refresh()
		}
	}()
}
