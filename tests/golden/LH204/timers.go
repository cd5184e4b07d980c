// Timers under go 1.19: an armed timer stays in the runtime heap.
package lh204

import (
	"context"
	"errors"
	"time"
)

// The cancellation path returns with the timer armed.
func waitOrCancel(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d) // want LH204 "timer is not stopped on every path"
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// A result arrives before the timeout: timer still armed.
func recvTimeout(ch <-chan int, d time.Duration) (int, error) {
	t := time.NewTimer(d) // want LH204
	select {
	case v := <-ch:
		return v, nil
	case <-t.C:
		return 0, errors.New("timeout")
	}
}

// Reset re-arms a fired timer, and the loop exit leaves it armed.
func heartbeat(done <-chan struct{}, beat func()) {
	t := time.NewTimer(time.Second) // want LH204
	for {
		select {
		case <-t.C:
			beat()
			t.Reset(time.Second)
		case <-done:
			return
		}
	}
}

// An early return before the select.
func early(ready bool, d time.Duration) bool {
	t := time.NewTimer(d) // want LH204 "not stopped on every path"
	if ready {
		return true
	}
	<-t.C
	return false
}

// Overwritten while armed.
func twice(d time.Duration) {
	t := time.NewTimer(d) // want LH204 "overwritten"
	t = time.NewTimer(2 * d)
	<-t.C
}

// Drained by a closure kept in a local: the timer is released where the
// closure is called, and the early return before that call leaves it
// armed.
func reader(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d) // want LH204 "not stopped on every path"
	wait := func() { <-t.C }
	if ctx.Err() != nil {
		return ctx.Err()
	}
	wait()
	return nil
}

// ---- negatives ----

func stopped(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// Fired on every path.
func sleep(d time.Duration) {
	t := time.NewTimer(d)
	<-t.C
}

// Stopped explicitly in the other case.
func explicit(ch <-chan int, d time.Duration) int {
	t := time.NewTimer(d)
	select {
	case v := <-ch:
		if !t.Stop() {
			<-t.C
		}
		return v
	case <-t.C:
		return 0
	}
}

// Returned to the caller.
func deadline(d time.Duration) *time.Timer {
	t := time.NewTimer(d)
	return t
}

// A goroutine owns it.
func later(d time.Duration, f func()) {
	t := time.NewTimer(d)
	go func() {
		<-t.C
		f()
	}()
}

// Stopped in a deferred closure after Reset.
func resettable(ch <-chan int) int {
	t := time.NewTimer(time.Second)
	defer func() { t.Stop() }()
	sum := 0
	for v := range ch {
		sum += v
		t.Reset(time.Second)
	}
	return sum
}
