package golden

import (
	"context"
	"time"
)

// The range over the ticker returns when ctx is done.
func startReporterCtx(ctx context.Context, every time.Duration) {
	t := time.NewTicker(every)
	go func() {
		defer t.Stop()
		for range t.C {
			if ctx.Err() != nil {
				return
			}
			refresh()
		}
	}()
}

type feed struct{ C chan int }

// A struct's C channel is not a ticker's: whoever owns it may close it.
func drainFeed(f *feed) {
	go func() {
		for v := range f.C {
			handle(v)
		}
	}()
}
