package rt2

import (
	"context"
	"testing"
	"time"
)

// t.Fatal before the defer ends the test goroutine (Goexit).
func TestFatalBeforeDefer(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	if err := use(ctx); err != nil {
		cancel()
		t.Fatal(err)
	}
	defer cancel()
	if ctx == nil {
		t.Skip("nil")
	}
}
