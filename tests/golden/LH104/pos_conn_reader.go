package golden

type session struct{ n int }

// Each accepted session starts a reader that skips bad messages with
// continue and has no other way out: a closed connection keeps it
// spinning (or blocked in readMsg) forever.
func (s *session) serve() {
	go func() { // want LH104 "has no way out"
		for {
			v, err := readMsg()
			if err != nil {
				continue
			}
			s.n += v
		}
	}()
}
