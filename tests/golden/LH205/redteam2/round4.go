package rt2

import (
	"context"
	"time"
)

func blankThenReturn(p context.Context, x bool) error {
	ctx, cancel := context.WithCancel(p) // want LH205
	if x {
		_ = cancel
		return nil
	}
	defer cancel()
	return ctx.Err()
}

func ctxDiscarded(p context.Context) {
	_, cancel := context.WithCancel(p)
	defer cancel()
}

// timer in a struct field stopped by Close
type conn struct {
	idle *time.Timer
}

func newConn(d time.Duration, onIdle func()) *conn {
	c := &conn{}
	c.idle = time.AfterFunc(d, onIdle)
	return c
}

func (c *conn) Close() { c.idle.Stop() }

// NewTimer stored in a field nobody stops: not LH204 (returns armed but stored)
type pinger struct {
	t *time.Timer
}

func (p *pinger) arm(d time.Duration) {
	p.t = time.NewTimer(d)
}

func (p *pinger) wait() { <-p.t.C }

// a cancel func returned inside a closure
func withStop(p context.Context) (context.Context, func()) {
	ctx, cancel := context.WithCancel(p)
	return ctx, func() { cancel() }
}

// reset inside select loop without stop on return
func debounce(in <-chan int, d time.Duration, fire func()) {
	t := time.NewTimer(d) // want LH204
	for {
		select {
		case _, ok := <-in:
			if !ok {
				return
			}
			if !t.Stop() {
				<-t.C
			}
			t.Reset(d)
		case <-t.C:
			fire()
		}
	}
}
