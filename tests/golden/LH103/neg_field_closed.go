package golden

type sink struct {
	items chan int
}

// Stop closes items: the range ends.
func newSink() *sink {
	s := &sink{items: make(chan int)}
	go func() {
		for v := range s.items {
			record(v)
		}
	}()
	return s
}

func (s *sink) put(v int) { s.items <- v }
func (s *sink) Stop()     { close(s.items) }
