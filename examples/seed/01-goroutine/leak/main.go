// Command leak is a tiny price service whose goroutines never exit.
//
// Each request opens a session and asks a slow backend for a quote with a
// deadline. Two goroutines are stranded per request:
//
//   - openSession starts a watcher that waits for a reload signal nobody
//     ever sends (and nobody closes the channel), so it blocks forever;
//   - quote starts a lookup that sends its answer on an unbuffered channel;
//     when the deadline wins, quote returns and nobody is left to receive,
//     so the sender blocks forever.
//
// Run it and watch the goroutine count climb with -n.
package main

import (
	"context"
	"flag"
	"fmt"
	"runtime"
	"sync"
	"time"
)

type session struct {
	user string

	mu       sync.Mutex
	currency string
}

func (s *session) reloadSettings() {
	s.mu.Lock()
	s.currency = "EUR"
	s.mu.Unlock()
}

func (s *session) format(cents int) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return fmt.Sprintf("%d.%02d %s", cents/100, cents%100, s.currency)
}

// openSession returns a session whose settings are reloaded on demand.
func openSession(user string) *session {
	s := &session{user: user}
	s.reloadSettings()
	reload := make(chan struct{})
	go func() {
		<-reload // nothing sends on reload, nothing closes it
		s.reloadSettings()
	}()
	return s
}

// lookup pretends to ask a remote backend; odd items are slow.
func lookup(item int) int {
	if item%2 == 1 {
		time.Sleep(20 * time.Millisecond)
	}
	return 1999 + item
}

// quote asks the backend for a price, giving up after the deadline.
func quote(parent context.Context, item int) (int, error) {
	ctx, cancel := context.WithTimeout(parent, 5*time.Millisecond)
	defer cancel()

	result := make(chan int)
	go func() {
		result <- lookup(item) // blocks forever once quote has returned
	}()
	select {
	case cents := <-result:
		return cents, nil
	case <-ctx.Done():
		return 0, ctx.Err()
	}
}

func main() {
	n := flag.Int("n", 20, "number of requests to serve")
	flag.Parse()

	before := runtime.NumGoroutine()
	timeouts := 0
	for i := 0; i < *n; i++ {
		s := openSession(fmt.Sprintf("user-%d", i))
		cents, err := quote(context.Background(), i)
		if err != nil {
			timeouts++
			continue
		}
		if i == 0 {
			fmt.Printf("%s: item %d costs %s\n", s.user, i, s.format(cents))
		}
	}
	time.Sleep(50 * time.Millisecond) // the slow lookups are done by now
	after := runtime.NumGoroutine()
	fmt.Printf("served %d requests, %d timed out\n", *n, timeouts)
	fmt.Printf("goroutines: %d before, %d after: %d never exit\n",
		before, after, after-before)
}
