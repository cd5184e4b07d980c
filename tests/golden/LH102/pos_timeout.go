package golden

import (
	"errors"
	"time"
)

// Kernel of a dial-with-timeout bug: after the timeout nobody takes the
// connection result.
func dialTimeout(addr string, d time.Duration) (string, error) {
	type result struct {
		conn string
		err  error
	}
	ch := make(chan result)
	go func() { // want LH102
		c, err := fetch(addr)
		ch <- result{c, err}
	}()
	select {
	case r := <-ch:
		return r.conn, r.err
	case <-time.After(d):
		return "", errors.New("dial timeout")
	}
}
