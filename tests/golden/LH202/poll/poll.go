// time.Tick in polling helpers and goroutines.
package poll

import (
	"context"
	"log"
	"time"
)

func ready() bool { return true }

// P1 leak (LH202): polling helper returns once ready.
func waitReady(ctx context.Context) error {
	for range time.Tick(200 * time.Millisecond) { // want LH202
		if ready() {
			return nil
		}
		if ctx.Err() != nil {
			return ctx.Err()
		}
	}
	return nil
}

// P2 leak (LH202): tick channel in a select in a loop that breaks out.
func pollUntil(done <-chan struct{}) int {
	tick := time.Tick(time.Second) // want LH202
	n := 0
	for {
		select {
		case <-tick:
			n++
		case <-done:
			return n
		}
	}
}

// P3 neg: goroutine closure that runs forever.
func startReporter() {
	go func() { // want LH104
		for range time.Tick(time.Minute) {
			log.Print("alive")
		}
	}()
}

// P4 leak (LH202): goroutine closure that can return.
func startReporter2(stop func() bool) {
	go func() {
		for range time.Tick(time.Minute) { // want LH202
			if stop() {
				return
			}
		}
	}()
}
