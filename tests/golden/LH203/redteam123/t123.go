// Redteam cases under go 1.23: the timer rules are silent, LH205 is not.
package redteam

import (
	"context"
	"errors"
	"time"
)

// U1 neg (go 1.23): time.After per iteration is collected.
func drain(in <-chan []byte, handle func([]byte)) {
	for {
		select {
		case b, ok := <-in:
			if !ok {
				return
			}
			handle(b)
		case <-time.After(30 * time.Second):
		}
	}
}

// U2 neg (go 1.23): an armed timer is collected.
func recvTimeout(ch <-chan int, d time.Duration) (int, error) {
	t := time.NewTimer(d)
	select {
	case v := <-ch:
		return v, nil
	case <-t.C:
		return 0, errors.New("timeout")
	}
}

// U3 neg (go 1.23): time.Tick in a function that returns.
func waitReady(ready func() bool) bool {
	for range time.Tick(100 * time.Millisecond) {
		if ready() {
			return true
		}
	}
	return false
}

// U4 TP: cancel is still needed on go 1.23.
func leakyCancel(parent context.Context, f func(context.Context) error) error {
	ctx, cancel := context.WithTimeout(parent, time.Second) // want LH205
	if err := f(ctx); err != nil {
		return err
	}
	cancel()
	return nil
}

// U5 neg (go 1.23): ticker never stopped in a returning function.
func sample(n int, d time.Duration, f func()) {
	tk := time.NewTicker(d)
	for i := 0; i < n; i++ {
		<-tk.C
		f()
	}
}
