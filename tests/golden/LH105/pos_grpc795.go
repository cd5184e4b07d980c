package golden

import "sync"

type grpcServer struct {
	mu       sync.Mutex
	draining bool
}

// Kernel of grpc-go#795: a second GracefulStop locks again instead of
// unlocking.
func (s *grpcServer) gracefulStop() {
	s.mu.Lock() // want LH105 "s.mu stays locked when grpcServer.gracefulStop returns early"
	if s.draining {
		s.mu.Lock() // want LH105 "s.mu is locked again while still locked"
		return
	}
	s.draining = true
	s.mu.Unlock()
}
