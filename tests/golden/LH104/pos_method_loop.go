package golden

type server struct {
	reqs chan int
}

func (s *server) loop() {
	for {
		select {
		case r := <-s.reqs:
			handle(r)
		}
	}
}

// Each server starts a loop with no quit case.
func newServer() *server {
	s := &server{reqs: make(chan int)}
	go s.loop() // want LH104 LH101
	return s
}
