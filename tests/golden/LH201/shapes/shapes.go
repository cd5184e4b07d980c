// Tickers: early returns in worker loops, labelled breaks, fields,
// stopping helpers, goroutines that own the ticker, Reset after Stop.
package shapes

import (
	"context"
	"log"
	"os"
	"sync"
	"time"
)

type flusher struct {
	interval time.Duration
	tick     *time.Ticker
	mu       sync.Mutex
	buf      []string
}

func (w *flusher) flush() error { return nil }

// K1 leak: flush error returns with the ticker running.
func (w *flusher) run(ctx context.Context) error {
	tk := time.NewTicker(w.interval) // want LH201
	for {
		select {
		case <-ctx.Done():
			tk.Stop()
			return ctx.Err()
		case <-tk.C:
			if err := w.flush(); err != nil {
				return err
			}
		}
	}
}

// K2 neg: deferred closure stops it.
func (w *flusher) run2(ctx context.Context) error {
	tk := time.NewTicker(w.interval)
	defer func() {
		tk.Stop()
		log.Print("flusher stopped")
	}()
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-tk.C:
			if err := w.flush(); err != nil {
				return err
			}
		}
	}
}

// K3 leak: ticker stored in a field that nothing stops.
type metrics struct {
	report *time.Ticker
}

func (m *metrics) Start() {
	m.report = time.NewTicker(10 * time.Second) // want LH201
	go func() {
		for range m.report.C {
			log.Print("report")
		}
	}()
}

// K4 neg: field ticker stopped in Close.
func (w *flusher) Start() {
	w.tick = time.NewTicker(w.interval)
	go func() {
		for range w.tick.C {
			_ = w.flush()
		}
	}()
}

func (w *flusher) Close() { w.tick.Stop() }

// K5 neg: stopped by a same-package helper called with defer and args.
func stopAll(ts ...*time.Ticker) {
	for _, t := range ts {
		t.Stop()
	}
}

func stopOne(t *time.Ticker, why string) {
	log.Printf("stop: %s", why)
	t.Stop()
}

func twoRates(done <-chan struct{}) {
	fast := time.NewTicker(time.Second)
	defer stopOne(fast, "fast")
	for {
		select {
		case <-fast.C:
		case <-done:
			return
		}
	}
}

// K6 leak: goroutine closure with its own ticker returns on done.
func startHeartbeat(done <-chan struct{}, beat func()) {
	go func() {
		t := time.NewTicker(5 * time.Second) // want LH201
		for {
			select {
			case <-t.C:
				beat()
			case <-done:
				return
			}
		}
	}()
}

// K7 neg: ticker handed to a goroutine (same-package func) that stops it.
func loop(t *time.Ticker, done <-chan struct{}) {
	defer t.Stop()
	for {
		select {
		case <-t.C:
		case <-done:
			return
		}
	}
}

func startLoop(done <-chan struct{}) {
	t := time.NewTicker(time.Second)
	go loop(t, done)
}

// K8 neg: returned inside a struct literal.
type ticking struct {
	t    *time.Ticker
	name string
}

func newTicking(name string, d time.Duration) *ticking {
	return &ticking{t: time.NewTicker(d), name: name}
}

// K9 neg: endless loop over t.C, exits only via os.Exit.
func watchdog(check func() bool) {
	t := time.NewTicker(time.Second)
	for range t.C {
		if !check() {
			log.Print("watchdog: unhealthy")
			os.Exit(3)
		}
	}
}

// K10 leak: labeled break out of the loop, stop only in the done case.
func sample(done <-chan struct{}, max int) int {
	t := time.NewTicker(100 * time.Millisecond) // want LH201
	n := 0
outer:
	for {
		select {
		case <-t.C:
			n++
			if n >= max {
				break outer
			}
		case <-done:
			t.Stop()
			return n
		}
	}
	return n
}

// K11 neg: Stop after the labeled loop.
func sample2(done <-chan struct{}, max int) int {
	t := time.NewTicker(100 * time.Millisecond)
	n := 0
outer:
	for {
		select {
		case <-t.C:
			n++
			if n >= max {
				break outer
			}
		case <-done:
			break outer
		}
	}
	t.Stop()
	return n
}

// B15 leak: ticker stopped, then Reset re-arms it before returning.
func pause(t *time.Ticker, d time.Duration) {}

func burst(d time.Duration, n int) int {
	t := time.NewTicker(d) // want LH201 "not stopped on every path"
	count := 0
	for range t.C {
		count++
		if count == n {
			t.Stop()
			t.Reset(2 * d)
			return count
		}
	}
	return count
}

// D15 leak: ticker via a range on NewTicker(...).C in a returning function.
func pollN(n int) {
	i := 0
	for range time.NewTicker(time.Second).C { // want LH201
		i++
		if i == n {
			return
		}
	}
}

// D17 leak: type switch on an error, one case returns early with the ticker running.
func handleErr(err error) int {
	t := time.NewTicker(time.Second) // want LH201
	switch e := err.(type) {
	case nil:
		t.Stop()
		return 0
	case interface{ Timeout() bool }:
		if e.Timeout() {
			return 1
		}
	}
	<-t.C
	t.Stop()
	return 2
}

// D19 neg: the in-place ticker channel of a goroutine that never ends.
func heartbeatForever(beat func()) {
	go func() {
		for range time.NewTicker(time.Minute).C {
			beat()
		}
	}()
}

// D20 leak: the channel kept in a local, the ticker dropped.
func firstTicks(n int) []time.Time {
	c := time.NewTicker(10 * time.Millisecond).C // want LH201 "only its channel is kept"
	var out []time.Time
	for len(out) < n {
		out = append(out, <-c)
	}
	return out
}

// D21 neg: the ticker's channel handed to a goroutine.
func feed(out chan<- time.Time) {
	c := time.NewTicker(time.Second).C
	go func() {
		for t := range c {
			out <- t
		}
	}()
}
