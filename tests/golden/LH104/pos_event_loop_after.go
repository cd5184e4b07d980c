package golden

import "time"

type evWatcher struct {
	events chan int
	seen   int
}

// Every watcher starts a dispatch loop that only waits for events or the
// next heartbeat: nothing ever lets it return.
func newEvWatcher() *evWatcher {
	w := &evWatcher{events: make(chan int, 16)}
	go func() { // want LH104 "has no way out"
		for {
			select {
			case ev := <-w.events:
				w.seen += ev
			case <-time.After(time.Second): // want LH203
				refresh()
			}
		}
	}()
	return w
}
