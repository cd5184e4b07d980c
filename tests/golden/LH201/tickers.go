// Tickers under go 1.19: an unstopped ticker is never collected.
package lh201

import (
	"context"
	"log"
	"time"
)

// Never stopped: the function returns after a few ticks.
func poll(n int) {
	t := time.NewTicker(time.Second) // want LH201 "never stopped"
	for i := 0; i < n; i++ {
		<-t.C
	}
}

// Stopped on the normal path, not on the early return.
func pollUntil(ctx context.Context) error {
	t := time.NewTicker(time.Second) // want LH201 "not stopped on every path"
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-t.C:
			if done() {
				t.Stop()
				return nil
			}
		}
	}
}

// Overwritten while running: the first ticker is lost.
func restart(d time.Duration) {
	t := time.NewTicker(d) // want LH201 "overwritten"
	<-t.C
	t = time.NewTicker(2 * d)
	defer t.Stop()
	<-t.C
}

// A ticker per iteration, stopped only on one branch.
func perItem(items []string) {
	for _, it := range items {
		t := time.NewTicker(time.Millisecond) // want LH201
		<-t.C
		if it == "" {
			continue
		}
		t.Stop()
	}
}

// Labelled break out of the loop skips the Stop.
func labelled(ch <-chan int) int {
	t := time.NewTicker(time.Second) // want LH201
	sum := 0
loop:
	for {
		select {
		case v, ok := <-ch:
			if !ok {
				break loop
			}
			sum += v
		case <-t.C:
			t.Stop()
			return sum
		}
	}
	return sum
}

// A helper that only reads the ticker does not stop it.
func waitTick(t *time.Ticker) { <-t.C }

func viaReader() {
	t := time.NewTicker(time.Second) // want LH201
	waitTick(t)
}

// A ticker in a struct field nobody stops.
type poller struct {
	tick *time.Ticker
}

func newPoller() *poller {
	p := &poller{}
	p.tick = time.NewTicker(time.Second) // want LH201 "field"
	return p
}

func (p *poller) wait() { <-p.tick.C }

func done() bool { return time.Now().Unix()%2 == 0 }

var _ = log.Print
