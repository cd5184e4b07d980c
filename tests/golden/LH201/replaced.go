package lh201

import "time"

// The ticker is replaced while the loop runs; `defer ticker.Stop()` bound
// the first one, so the replacements keep running after the return.
func refresh(events <-chan int, done <-chan struct{}, draw func(int)) {
	ticker := time.NewTicker(100 * time.Millisecond)
	defer ticker.Stop()
	n := 0
	for {
		select {
		case <-done:
			return
		case <-ticker.C:
			draw(n)
		case n = <-events:
			ticker.Stop()
			ticker = time.NewTicker(100 * time.Millisecond) // want LH201 "defer func\(\) \{ ticker.Stop\(\) \}\(\)` before the loop"
		}
	}
}

// Deferred through a closure: it stops whichever ticker is current.
func refreshFixed(events <-chan int, done <-chan struct{}, draw func(int)) {
	ticker := time.NewTicker(100 * time.Millisecond)
	defer func() { ticker.Stop() }()
	n := 0
	for {
		select {
		case <-done:
			return
		case <-ticker.C:
			draw(n)
		case n = <-events:
			ticker.Stop()
			ticker = time.NewTicker(100 * time.Millisecond)
		}
	}
}
