// Command fixed is the price service of ../leak with every goroutine given
// a way out:
//
//   - the session watcher also waits on the session's context, and Close
//     cancels it, so the watcher returns when the session ends;
//   - the lookup's result channel has room for the one answer, so the
//     sender never blocks even when quote has already given up.
//
// The goroutine count returns to where it started.
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
	user   string
	reload chan struct{}
	cancel context.CancelFunc
	done   sync.WaitGroup

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

// Reload asks the watcher to reload the settings; it never blocks.
func (s *session) Reload() {
	select {
	case s.reload <- struct{}{}:
	default: // a reload is already pending
	}
}

// Close stops the watcher and waits for it to return.
func (s *session) Close() {
	s.cancel()
	s.done.Wait()
}

// openSession returns a session whose settings are reloaded on demand.
// The caller must Close it.
func openSession(parent context.Context, user string) *session {
	ctx, cancel := context.WithCancel(parent)
	s := &session{user: user, reload: make(chan struct{}, 1), cancel: cancel}
	s.reloadSettings()
	s.done.Add(1)
	go func() {
		defer s.done.Done()
		for {
			select {
			case <-s.reload:
				s.reloadSettings()
			case <-ctx.Done():
				return
			}
		}
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

	result := make(chan int, 1) // room for the answer nobody may wait for
	go func() {
		result <- lookup(item)
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
		s := openSession(context.Background(), fmt.Sprintf("user-%d", i))
		s.Reload()
		cents, err := quote(context.Background(), i)
		if err != nil {
			timeouts++
		} else if i == 0 {
			fmt.Printf("%s: item %d costs %s\n", s.user, i, s.format(cents))
		}
		s.Close()
	}
	time.Sleep(50 * time.Millisecond) // the slow lookups are done by now
	after := runtime.NumGoroutine()
	fmt.Printf("served %d requests, %d timed out\n", *n, timeouts)
	fmt.Printf("goroutines: %d before, %d after: %d never exit\n",
		before, after, after-before)
}
