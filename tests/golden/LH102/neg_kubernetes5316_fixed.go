package golden

import (
	"errors"
	"time"
)

// The fix of kubernetes#5316: one slot per channel, so the late worker
// can always deliver and exit.
func finishWithinFixed(d time.Duration, work func() error) error {
	okc := make(chan struct{}, 1)
	errc := make(chan error, 1)
	go func() {
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
