// Command fixed is the health checker of ../leak with its timers and
// contexts released:
//
//   - waitHealthy stops its ticker with defer, whatever path it returns by;
//   - each attempt of ping gets its own context in callWithin, which defers
//     its cancel, so no cancel func is ever dropped.
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
	defer ticker.Stop()
	for i := 0; i < max; i++ {
		<-ticker.C
		if b.healthy() {
			return nil
		}
	}
	return fmt.Errorf("%s: not healthy after %d polls", b.name, max)
}

// callWithin calls b with its own deadline and releases it on return.
func callWithin(parent context.Context, b *backend, d time.Duration) error {
	ctx, cancel := context.WithTimeout(parent, d)
	defer cancel()
	return b.call(ctx)
}

// ping calls the replica, and the primary when the replica is busy.
func ping(parent context.Context, replica, primary *backend) error {
	err := callWithin(parent, replica, 10*time.Second)
	if errors.Is(err, errBusy) {
		err = callWithin(parent, primary, 10*time.Second)
	}
	return err
}

func main() {
	n := flag.Int("n", 20, "number of health-check rounds")
	flag.Parse()

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
	fmt.Printf("%d health checks stopped their ticker\n", checks)
	fmt.Printf("%d fallbacks released both contexts\n", fallbacks)
}
