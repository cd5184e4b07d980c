// Where a cancel func or a ticker goes: package-level vars, slice elements,
// a struct whose method stops it, a goroutine-starting helper, aliases.
package ownership

import (
	"context"
	"sync"
	"time"
)

var globalStop context.CancelFunc

// E1 neg: stored in a package-level variable.
func startGlobal(parent context.Context) context.Context {
	ctx, cancel := context.WithCancel(parent)
	globalStop = cancel
	return ctx
}

// E2 neg: stored in a slice element.
func fill(parent context.Context, n int) ([]context.Context, []context.CancelFunc) {
	ctxs := make([]context.Context, n)
	cancels := make([]context.CancelFunc, n)
	for i := range ctxs {
		ctxs[i], cancels[i] = context.WithCancel(parent)
	}
	return ctxs, cancels
}

// E3 neg: ticker stored in a local struct whose method stops it.
type pump2 struct {
	t    *time.Ticker
	done chan struct{}
}

func (p *pump2) run() {
	defer p.t.Stop()
	for {
		select {
		case <-p.t.C:
		case <-p.done:
			return
		}
	}
}

func (p *pump2) stop() { close(p.done) }

func startPump() *pump2 {
	t := time.NewTicker(time.Second)
	p := &pump2{t: t, done: make(chan struct{})}
	go p.run()
	return p
}

// E4 neg: closure passed to a goroutine-starting helper releases it.
type group struct{ wg sync.WaitGroup }

func (g *group) Go(f func()) {
	g.wg.Add(1)
	go func() {
		defer g.wg.Done()
		f()
	}()
}

func watchTicks(g *group, done <-chan struct{}) {
	t := time.NewTicker(time.Second)
	g.Go(func() {
		defer t.Stop()
		for {
			select {
			case <-t.C:
			case <-done:
				return
			}
		}
	})
}

// E5 leak: ticker in a struct literal local that is never returned nor stopped.
func statsOnce() int {
	t := time.NewTicker(time.Second) // want LH201
	n := 0
	for range t.C {
		n++
		if n > 3 {
			break
		}
	}
	return n
}

// E6 neg: cancel called via a method value stored in a local.
func viaMethodValue(parent context.Context) error {
	ctx, cancel := context.WithCancel(parent)
	stop := cancel
	defer stop()
	return call(ctx)
}

// E7 leak: cancel aliased, alias never called on an early return.
func aliasEarly(parent context.Context, skip bool) error {
	ctx, cancel := context.WithCancel(parent) // want LH205
	stop := cancel
	if skip {
		return nil
	}
	defer stop()
	return call(ctx)
}

// E8 neg: WithDeadline cancel called after a for-select worker loop (break via label).
func deadlineWorker(parent context.Context, in <-chan int) (sum int) {
	ctx, cancel := context.WithDeadline(parent, time.Now().Add(time.Minute))
	defer cancel()
loop:
	for {
		select {
		case v, ok := <-in:
			if !ok {
				break loop
			}
			sum += v
		case <-ctx.Done():
			break loop
		}
	}
	return
}

// E9 leak: WithCancelCause-like via WithCancel in a closure that returns early.
func handlerFactory(parent context.Context) func(int) error {
	return func(n int) error {
		ctx, cancel := context.WithTimeout(parent, time.Second) // want LH205
		if n < 0 {
			return nil
		}
		defer cancel()
		return call(ctx)
	}
}

func call(ctx context.Context) error { return ctx.Err() }
