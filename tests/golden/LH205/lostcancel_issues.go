// Shapes from go vet's lostcancel reports (golang/go, golangci-lint govet
// threads and the fixes projects made for them), and the false positives
// other checkers had: the comment of each function names its source.
package lh205

import (
	"context"
	"errors"
	"testing"
	"time"
)

func step(ctx context.Context) error { return ctx.Err() }

// line/centraldogma-go PR#41, superfly/flyctl PR#1155: a return inside a
// loop's select misses the cancel called after the loop.
func watchLoop(parent context.Context, stop <-chan struct{}, n int) error {
	ctx, cancel := context.WithCancel(parent) // want LH205 "not called on every path"
	for i := 0; i < n; i++ {
		select {
		case <-stop:
			cancel()
			return nil
		default:
		}
		if err := step(ctx); err != nil {
			return err
		}
	}
	cancel()
	return nil
}

// kubernetes#109229: a nil result path returns without cancelling.
func discover(parent context.Context, find func(context.Context) *int) (int, error) {
	ctx, cancel := context.WithCancel(parent) // want LH205 "not called on every path"
	vm := find(ctx)
	if vm == nil {
		return 0, errors.New("not found")
	}
	cancel()
	return *vm, nil
}

// hashicorp/waypoint#3639: a retry label after a deferred closure that
// cancels whatever the variable holds; the retry cancels the old context
// before jumping back.
func retryStream(parent context.Context, tries int) error {
	var streamCancel context.CancelFunc
	defer func() {
		if streamCancel != nil {
			streamCancel()
		}
	}()
	attempt := 0
retry:
	streamCtx, cancel := context.WithCancel(parent)
	streamCancel = cancel
	if err := step(streamCtx); err != nil {
		attempt++
		if attempt < tries {
			streamCancel()
			goto retry
		}
		return err
	}
	return nil
}

// A backward goto that forgets the previous context.
func retryForget(parent context.Context, tries int) error {
	attempt := 0
again:
	ctx, cancel := context.WithTimeout(parent, time.Second) // want LH205 "overwritten"
	if err := step(ctx); err != nil {
		attempt++
		if attempt < tries {
			goto again
		}
		cancel()
		return err
	}
	cancel()
	return nil
}

// securego/gosec#1590: cancelled from a goroutine.
func cancelInGoroutine(parent context.Context) context.Context {
	ctx, cancel := context.WithCancel(parent)
	go func() {
		time.Sleep(time.Second)
		cancel()
	}()
	return ctx
}

// Registered with t.Cleanup: the test framework calls it.
func withCleanup(t *testing.T) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	t.Cleanup(cancel)
	return ctx
}

// goadesign/goa PR#1580 (Go 1.10 vet): discarded in generated code.
func discardTimeout(parent context.Context) error {
	ctx, _ := context.WithTimeout(parent, time.Second) // want LH205 "discarded"
	return step(ctx)
}

// A cancel reassigned on each iteration of a loop and called only once
// after it: every iteration but the last loses its cancel.
func overwrittenInLoop(parent context.Context, n int) {
	var cancel context.CancelFunc
	ctx := parent
	for i := 0; i < n; i++ {
		ctx, cancel = context.WithTimeout(parent, time.Second) // want LH205 "overwritten"
		_ = step(ctx)
	}
	if cancel != nil {
		cancel()
	}
}

// The cancel func kept in a map that a later call drains.
type registry struct {
	cancels map[string]context.CancelFunc
}

func (r *registry) start(parent context.Context, id string) context.Context {
	ctx, cancel := context.WithCancel(parent)
	r.cancels[id] = cancel
	return ctx
}

// An endless worker that cancels when its context ends: never returns
// otherwise.
func worker(parent context.Context, jobs <-chan int) {
	ctx, cancel := context.WithCancel(parent)
	for {
		select {
		case <-ctx.Done():
			cancel()
			return
		case j := <-jobs:
			_ = j
		}
	}
}

// Called through a guarded deferred closure after a conditional
// WithTimeout.
func maybeTimeout(parent context.Context, d time.Duration) error {
	ctx := parent
	var cancel context.CancelFunc
	if d > 0 {
		ctx, cancel = context.WithTimeout(parent, d)
	}
	defer func() {
		if cancel != nil {
			cancel()
		}
	}()
	return step(ctx)
}

// A cancel stored in a field and called by Stop.
type poller struct {
	stop func()
}

func (p *poller) Start(parent context.Context) {
	ctx, cancel := context.WithCancel(parent)
	p.stop = cancel
	go func() { <-ctx.Done() }()
}

func (p *poller) Stop() { p.stop() }

// Two pollers of different types: the field of the other type is called,
// this one never.
type ticket struct {
	stop func()
}

func (t *ticket) Open(parent context.Context) context.Context {
	ctx, cancel := context.WithCancel(parent) // want LH205 "field stop"
	t.stop = cancel
	return ctx
}

// The cancel func blanked after a conditional use: the blank is not what
// keeps it silent, the call is.
func blankAfterUse(parent context.Context, fast bool) error {
	ctx, cancel := context.WithTimeout(parent, time.Second)
	defer cancel()
	_ = cancel
	if fast {
		return nil
	}
	return step(ctx)
}

// A helper returning the cancel func of a context it made: its caller
// owns the call.
func withBudget(parent context.Context, d time.Duration) (context.Context, context.CancelFunc) {
	return context.WithTimeout(parent, d)
}

func budgetLeak(parent context.Context) error {
	ctx, cancel := withBudget(parent, time.Second) // want LH205 "not called on every path"
	if err := step(ctx); err != nil {
		return err
	}
	cancel()
	return nil
}

func budgetOK(parent context.Context) error {
	ctx, cancel := withBudget(parent, time.Second)
	defer cancel()
	return step(ctx)
}
