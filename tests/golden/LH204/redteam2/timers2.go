package rt2

import (
	"context"
	"time"
)

func stopTimer(t *time.Timer) {
	if !t.Stop() {
		select {
		case <-t.C:
		default:
		}
	}
}

// Stopped through a package helper.
func helperStops(ch <-chan int, d time.Duration) int {
	t := time.NewTimer(d)
	defer stopTimer(t)
	select {
	case v := <-ch:
		return v
	case <-t.C:
		return 0
	}
}

// Made before the loop: the zero value returns with it armed.
func loopReturnArmed(ch <-chan int, d time.Duration) int {
	t := time.NewTimer(d) // want LH204
	n := 0
	for {
		select {
		case v := <-ch:
			if v == 0 {
				return n
			}
			n += v
		case <-t.C:
			return n
		}
	}
}

// A drain with select/default after a failed Stop.
func drainSelect(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	select {
	case <-ctx.Done():
		if !t.Stop() {
			select {
			case <-t.C:
			default:
			}
		}
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// Fired at once, then nothing to stop.
func zeroTimer() {
	t := time.NewTimer(0)
	<-t.C
}

// time.AfterFunc is not a NewTimer: its func runs when it fires.
func afterFunc(d time.Duration, f func()) {
	time.AfterFunc(d, f)
}

// The ctx branch returns with the timer armed.
func sleepCtx(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d) // want LH204
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}
