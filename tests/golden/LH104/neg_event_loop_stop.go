package golden

import "time"

type watcherStoppable struct {
	events chan int
	stop   chan struct{}
	seen   int
}

// The same loop with a stop case that returns.
func newWatcherStoppable() *watcherStoppable {
	w := &watcherStoppable{events: make(chan int, 16), stop: make(chan struct{})}
	go func() {
		for {
			select {
			case ev := <-w.events:
				w.seen += ev
			case <-time.After(time.Second): // want LH203
				refresh()
			case <-w.stop:
				return
			}
		}
	}()
	return w
}

func (w *watcherStoppable) Close() { close(w.stop) }
