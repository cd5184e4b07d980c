package rt2

import (
	"context"
	"os"
	"os/signal"
	"time"
)

// The inner cancel shadows the outer one; both are deferred.
func shadowedCancel(parent context.Context, slow bool) error {
	ctx, cancel := context.WithCancel(parent)
	defer cancel()
	if slow {
		ctx, cancel := context.WithTimeout(ctx, time.Minute)
		defer cancel()
		return use(ctx)
	}
	return use(ctx)
}

// A defer inside the loop: every cancel waits for the function to return.
func deferInLoop(parent context.Context, ds []time.Duration) {
	for _, d := range ds {
		ctx, cancel := context.WithTimeout(parent, d)
		defer cancel() // want LH706
		_ = use(ctx)
	}
}

// signal.NotifyContext's stop, deferred.
func notify(parent context.Context) error {
	ctx, stop := signal.NotifyContext(parent, os.Interrupt)
	defer stop()
	<-ctx.Done()
	return nil
}

type holder struct {
	stop context.CancelFunc
}

// A keyed literal kept by a local, whose field is called on every path.
func viaField(parent context.Context, fail bool) error {
	ctx, cancel := context.WithCancel(parent)
	h := holder{stop: cancel}
	defer h.stop()
	if fail {
		return use(ctx)
	}
	return nil
}

// The field is called on one path only.
func viaFieldOnePath(parent context.Context, fail bool) error {
	ctx, cancel := context.WithCancel(parent) // want LH205
	h := holder{stop: cancel}
	if fail {
		h.stop()
		return use(ctx)
	}
	return nil
}
