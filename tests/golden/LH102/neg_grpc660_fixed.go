package golden

import "math/rand"

type loadClientFixed struct {
	quit chan struct{}
}

// The sender also watches quit, so it leaves when the loop does.
func (lc *loadClientFixed) closedLoop() {
	for {
		finished := make(chan bool)
		go func() {
			select {
			case finished <- rand.Intn(10) > 7:
			case <-lc.quit:
			}
		}()
		select {
		case <-lc.quit:
			return
		case <-finished:
		}
	}
}
