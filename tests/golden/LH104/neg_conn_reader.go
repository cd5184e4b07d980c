package golden

type sessionFixed struct{ n int }

// Fixed: a read error ends the reader.
func (s *sessionFixed) serve() {
	go func() {
		for {
			v, err := readMsg()
			if err != nil {
				return
			}
			s.n += v
		}
	}()
}
