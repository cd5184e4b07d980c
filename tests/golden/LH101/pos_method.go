package golden

type server struct{ n int }

func (s *server) await(results chan int) {
	v := <-results
	s.n = v
}

// A method run as a goroutine gets a channel nobody writes to.
func (s *server) kick() {
	results := make(chan int)
	go s.await(results) // want LH101
}
