package golden

import (
	"errors"
	"time"
)

// Kernel of kubernetes#5316: a request handler runs the work in a
// goroutine that reports on one of two unbuffered channels, and gives up
// when its deadline fires. The late worker then waits forever on either.
func finishWithin(d time.Duration, work func() error) error {
	okc := make(chan struct{})
	errc := make(chan error)
	go func() { // want LH102 "sending on okc after finishWithin takes the <-time.After\(d\) case" LH102 "sending on errc"
		if err := work(); err != nil {
			errc <- err
			return
		}
		okc <- struct{}{}
	}()
	select {
	case <-okc:
		return nil
	case err := <-errc:
		return err
	case <-time.After(d):
		return errors.New("request timed out")
	}
}
