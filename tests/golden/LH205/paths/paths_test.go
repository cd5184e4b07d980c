package paths

import (
	"context"
	"testing"
	"time"
)

// T1 neg: t.Cleanup(cancel)
func TestCleanup(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	t.Cleanup(cancel)
	if err := call(ctx); err != nil {
		t.Fatal(err)
	}
}

// T2 neg: t.Fatal before cancel, then cancel.
func TestFatal(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	if err := call(ctx); err != nil {
		t.Fatalf("call: %v", err)
	}
	cancel()
}

// T3 leak: t.Skip is no-return, but a plain return leaks.
func TestEarly(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background()) // want LH205 "not called on every path"
	if testing.Short() {
		return
	}
	_ = call(ctx)
	cancel()
}

// T4 neg: cleanup closure
func TestCleanupClosure(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(func() { cancel() })
	_ = call(ctx)
}
