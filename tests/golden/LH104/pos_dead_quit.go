package golden

type watcher struct {
	events chan int
	quit   chan struct{}
}

// The quit case can never fire: nothing sends on or closes quit.
func newWatcher() *watcher {
	w := &watcher{events: make(chan int), quit: make(chan struct{})}
	go func() { // want LH104
		for {
			select {
			case e := <-w.events:
				handle(e)
			case <-w.quit:
				return
			}
		}
	}()
	return w
}

func (w *watcher) notify(e int) { w.events <- e }
