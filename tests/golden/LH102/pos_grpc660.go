package golden

import "math/rand"

type loadClient struct {
	quit chan struct{}
}

// Kernel of grpc-go#660: each round starts a call whose goroutine reports
// on a fresh unbuffered channel; when quit fires the loop returns and the
// round's goroutine is left sending.
func (lc *loadClient) closedLoop() {
	for {
		finished := make(chan bool)
		go func() { // want LH102 "sending on finished after loadClient.closedLoop takes the <-lc.quit case"
			finished <- rand.Intn(10) > 7
		}()
		select {
		case <-lc.quit:
			return
		case <-finished:
		}
	}
}
