// Command leak is a load balancer's health checker that leaks timers and
// contexts (Go before 1.23, which this module targets):
//
//   - waitHealthy polls a backend on a time.Ticker and returns as soon as
//     the backend answers, without stopping the ticker: every call leaves a
//     ticker behind that the runtime keeps firing forever;
//   - ping falls back from a busy replica to the primary by assigning a new
//     context over the first one, so the first cancel func is never called:
//     its timer and its place in the parent context stay for 10 seconds
//     after ping returned, per call.
//
// go vet's lostcancel check does not see the second leak: the variable
// cancel is used on every path, only not the first value it held.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"time"
)

var errBusy = errors.New("backend busy")

type backend struct {
	name  string
	delay time.Duration // how long a call takes
	busy  bool          // answers errBusy at once
	ready int           // polls until the backend reports healthy
	polls int
}

func (b *backend) healthy() bool {
	b.polls++
	return b.polls >= b.ready
}

// call pretends to talk to the backend; it honours the deadline.
func (b *backend) call(ctx context.Context) error {
	if b.busy {
		return errBusy
	}
	t := time.NewTimer(b.delay)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// waitHealthy polls b every interval, up to max times.
func waitHealthy(b *backend, interval time.Duration, max int) error {
	b.polls = 0
	ticker := time.NewTicker(interval)
	for i := 0; i < max; i++ {
		<-ticker.C
		if b.healthy() {
			return nil // the ticker keeps running
		}
	}
	return fmt.Errorf("%s: not healthy after %d polls", b.name, max)
}

// ping calls the replica, and the primary when the replica is busy.
func ping(parent context.Context, replica, primary *backend) error {
	ctx, cancel := context.WithTimeout(parent, 10*time.Second)
	err := replica.call(ctx)
	if errors.Is(err, errBusy) {
		// the first context is dropped here without its cancel
		ctx, cancel = context.WithTimeout(parent, 10*time.Second)
		err = primary.call(ctx)
	}
	cancel()
	return err
}

func main() {
	n := flag.Int("n", 20, "number of health-check rounds")
	flag.Parse()

	// a long-lived parent, as in a server
	parent, stop := context.WithCancel(context.Background())
	defer stop()

	replica := &backend{name: "replica", delay: time.Millisecond, ready: 1}
	primary := &backend{name: "primary", delay: 2 * time.Millisecond, ready: 3}
	checks, fallbacks, failures := 0, 0, 0
	for round := 0; round < *n; round++ {
		for _, b := range []*backend{replica, primary} {
			if err := waitHealthy(b, time.Millisecond, 5); err != nil {
				failures++
			}
			checks++
		}
		replica.busy = round%2 == 1
		if replica.busy {
			fallbacks++
		}
		if err := ping(parent, replica, primary); err != nil {
			failures++
		}
	}
	fmt.Printf("%d rounds, %d failures\n", *n, failures)
	fmt.Printf("%d health checks left their ticker running\n", checks)
	fmt.Printf("%d fallbacks left a context live for 10s\n", fallbacks)
}
