package golden

type relay struct {
	in   chan int
	done chan struct{}
}

// Close closes done: the quit case returns.
func newRelay() *relay {
	r := &relay{in: make(chan int), done: make(chan struct{})}
	go func() {
		for {
			select {
			case v := <-r.in:
				handle(v)
			case <-r.done:
				return
			}
		}
	}()
	return r
}

func (r *relay) send(v int) { r.in <- v }
func (r *relay) Close()     { close(r.done) }
