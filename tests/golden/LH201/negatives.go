// Tickers that are stopped or handed on: no finding.
package lh201

import (
	"context"
	"os"
	"time"
)

func deferred(n int) {
	t := time.NewTicker(time.Second)
	defer t.Stop()
	for i := 0; i < n; i++ {
		<-t.C
	}
}

func deferredClosure(ctx context.Context) {
	t := time.NewTicker(time.Second)
	defer func() {
		t.Stop()
	}()
	select {
	case <-ctx.Done():
	case <-t.C:
	}
}

// Endless: the function never returns.
func forever(f func()) {
	t := time.NewTicker(time.Minute)
	for range t.C {
		f()
	}
}

func foreverSelect(f func()) {
	t := time.NewTicker(time.Minute)
	for {
		select {
		case <-t.C:
			f()
		}
	}
}

// Returned: the caller stops it.
func start(d time.Duration) *time.Ticker {
	t := time.NewTicker(d)
	return t
}

// Handed to a goroutine that stops it.
func background(d time.Duration, stop <-chan struct{}) {
	t := time.NewTicker(d)
	go func() {
		defer t.Stop()
		for {
			select {
			case <-t.C:
			case <-stop:
				return
			}
		}
	}()
}

// Stopped by a helper on every path.
func stopTicker(t *time.Ticker) {
	if t != nil {
		t.Stop()
	}
}

func viaHelper() {
	t := time.NewTicker(time.Second)
	defer stopTicker(t)
	<-t.C
}

// Exit paths that end the process.
func exits(d time.Duration) {
	t := time.NewTicker(d)
	<-t.C
	if d > time.Hour {
		os.Exit(1)
	}
	t.Stop()
}

// A field ticker stopped in Close.
type worker struct {
	ticker *time.Ticker
}

func newWorker() *worker {
	w := &worker{}
	w.ticker = time.NewTicker(time.Second)
	return w
}

func (w *worker) Close() { w.ticker.Stop() }

// Stopped on every branch of a select.
func branches(ctx context.Context) error {
	t := time.NewTicker(time.Second)
	select {
	case <-ctx.Done():
		t.Stop()
		return ctx.Err()
	case <-t.C:
		t.Stop()
		return nil
	}
}

// Shadowing: the inner ticker is stopped, the outer returned.
func shadowed() *time.Ticker {
	t := time.NewTicker(time.Second)
	{
		t := time.NewTicker(time.Millisecond)
		t.Stop()
	}
	return t
}

// Reset keeps the same ticker: still one Stop.
func reset() {
	t := time.NewTicker(time.Second)
	defer t.Stop()
	t.Reset(2 * time.Second)
	<-t.C
}
