package golden

// Fixed: unlock on the second call.
func (s *grpcServer) gracefulStopFixed() {
	s.mu.Lock()
	if s.draining {
		s.mu.Unlock()
		return
	}
	s.draining = true
	s.mu.Unlock()
}
