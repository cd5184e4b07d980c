package golden

import "time"

// Kernel of a request-timeout bug: after the timeout nobody takes either
// result, whichever one the worker produces.
func finish(timeout time.Duration, fn func() error) {
	ok := make(chan bool)
	errc := make(chan error)
	go func() { // want LH102 "sending on ok after finish takes the <-time.After\(timeout\) case" LH102 "sending on errc"
		if err := fn(); err != nil {
			errc <- err
		} else {
			ok <- true
		}
	}()
	select {
	case <-ok:
	case <-errc:
	case <-time.After(timeout):
	}
}
