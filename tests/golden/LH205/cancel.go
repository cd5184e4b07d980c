// Context cancel funcs: leaks and look-alikes.
package lh205

import (
	"context"
	"errors"
	"net/http"
	"os"
	"time"
)

func work(ctx context.Context) error { return ctx.Err() }

// Cancel only on the success path.
func earlyReturn(parent context.Context, id string) error {
	ctx, cancel := context.WithTimeout(parent, time.Second) // want LH205 "not called on every path"
	if id == "" {
		return errors.New("no id")
	}
	err := work(ctx)
	cancel()
	return err
}

// Blank assignment silences the compiler, not the leak.
func blank(parent context.Context) error {
	ctx, cancel := context.WithCancel(parent) // want LH205 "never called"
	_ = cancel
	return work(ctx)
}

// Discarded outright.
func discarded(parent context.Context) error {
	ctx, _ := context.WithDeadline(parent, time.Now().Add(time.Minute)) // want LH205 "discarded"
	return work(ctx)
}

// Overwritten before being called.
func overwritten(parent context.Context) error {
	ctx, cancel := context.WithTimeout(parent, time.Second) // want LH205 "overwritten"
	if err := work(ctx); err != nil {
		return err
	}
	ctx, cancel = context.WithTimeout(parent, 2*time.Second)
	defer cancel()
	return work(ctx)
}

// Stored in a field that nothing ever calls.
type server struct {
	stop context.CancelFunc
}

func (s *server) start(parent context.Context) {
	ctx, cancel := context.WithCancel(parent) // want LH205 "field stop"
	s.stop = func() { cancel() }
	go func() { <-ctx.Done() }()
}

type runner struct {
	stopRun context.CancelFunc
}

func (r *runner) run(parent context.Context) context.Context {
	var ctx context.Context
	ctx, r.stopRun = context.WithCancel(parent) // want LH205 "field stopRun"
	return ctx
}

// A select case returns without cancelling.
func selectCase(parent context.Context, in <-chan int) int {
	ctx, cancel := context.WithCancel(parent) // want LH205
	select {
	case v := <-in:
		cancel()
		return v
	case <-ctx.Done():
		return 0
	}
}

// ---- negatives ----

func deferred(parent context.Context) error {
	ctx, cancel := context.WithTimeout(parent, time.Second)
	defer cancel()
	return work(ctx)
}

// Returned to the caller.
func handOut(parent context.Context) (context.Context, context.CancelFunc) {
	ctx, cancel := context.WithCancel(parent)
	return ctx, cancel
}

// Stored in a field that Close calls.
type job struct {
	cancel context.CancelFunc
}

func (j *job) begin(parent context.Context) context.Context {
	ctx, cancel := context.WithCancel(parent)
	j.cancel = cancel
	return ctx
}

func (j *job) Close() { j.cancel() }

// Called from a goroutine that owns it.
func owned(parent context.Context, done <-chan struct{}) context.Context {
	ctx, cancel := context.WithCancel(parent)
	go func() {
		<-done
		cancel()
	}()
	return ctx
}

// Called in a deferred closure, after a conditional reassignment.
func conditional(parent context.Context, slow bool) error {
	var cancel context.CancelFunc
	ctx := parent
	if slow {
		ctx, cancel = context.WithTimeout(parent, time.Minute)
	} else {
		ctx, cancel = context.WithCancel(parent)
	}
	defer func() { cancel() }()
	return work(ctx)
}

// Every branch calls it; os.Exit needs nothing.
func branches(parent context.Context, n int) int {
	ctx, cancel := context.WithCancel(parent)
	if n < 0 {
		os.Exit(2)
	}
	switch {
	case n == 0:
		cancel()
		return 0
	default:
		_ = work(ctx)
		cancel()
		return n
	}
}

// Passed to a function that keeps it.
func register(parent context.Context, reg func(context.CancelFunc)) context.Context {
	ctx, cancel := context.WithCancel(parent)
	reg(cancel)
	return ctx
}

// A loop that cancels each iteration.
func perRequest(parent context.Context, urls []string) {
	for _, u := range urls {
		ctx, cancel := context.WithTimeout(parent, time.Second)
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
		if err != nil {
			cancel()
			continue
		}
		_ = req
		cancel()
	}
}
