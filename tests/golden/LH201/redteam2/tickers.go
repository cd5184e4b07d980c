package rt2

import (
	"errors"
	"log"
	"os"
	"time"
)

// A labeled break leaves the loop through the Stop; the return on a closed
// channel does not.
func labeledReturn(done <-chan struct{}, work <-chan int) int {
	t := time.NewTicker(time.Second) // want LH201
	n := 0
loop:
	for {
		select {
		case <-done:
			break loop
		case v, ok := <-work:
			if !ok {
				return n
			}
			n += v
		case <-t.C:
			n++
		}
	}
	t.Stop()
	return n
}

// Every exit of the loop goes through the labeled break and the Stop.
func labeledBreakOnly(done <-chan struct{}, work <-chan int) int {
	t := time.NewTicker(time.Second)
	n := 0
loop:
	for {
		select {
		case <-done:
			break loop
		case v, ok := <-work:
			if !ok {
				break loop
			}
			n += v
		case <-t.C:
			n++
		}
	}
	t.Stop()
	return n
}

// The deferred closure receives the ticker as an argument.
func deferredWithArg(work <-chan int) int {
	t := time.NewTicker(time.Second)
	defer func(tk *time.Ticker) {
		tk.Stop()
	}(t)
	for {
		select {
		case v := <-work:
			if v < 0 {
				return v
			}
		case <-t.C:
		}
	}
}

// defer t.Stop() binds the first ticker; the second one is never stopped.
func deferBindsFirst(fast bool, work <-chan int) int {
	t := time.NewTicker(time.Second)
	defer t.Stop()
	if fast {
		t = time.NewTicker(time.Millisecond) // want LH201
	}
	select {
	case v := <-work:
		return v
	case <-t.C:
		return 0
	}
}

// The deferred closure stops whatever t holds at the end, and the first
// ticker is stopped before it is replaced.
func deferClosureLatest(fast bool, work <-chan int) int {
	t := time.NewTicker(time.Second)
	defer func() { t.Stop() }()
	if fast {
		t.Stop()
		t = time.NewTicker(time.Millisecond)
	}
	select {
	case v := <-work:
		return v
	case <-t.C:
		return 0
	}
}

type pump struct {
	tick *time.Ticker
	out  chan int
}

func newPump() *pump {
	p := &pump{out: make(chan int)}
	p.tick = time.NewTicker(time.Second)
	return p
}

func (p *pump) Close() { p.tick.Stop() }

type beacon struct {
	every *time.Ticker
	name  string
}

// Nothing in the package ever stops beacon.every.
func (b *beacon) start() {
	b.every = time.NewTicker(time.Minute) // want LH201
}

func (b *beacon) next() time.Time { return <-b.every.C }

func stopTicker(t *time.Ticker) { t.Stop() }

func deferHelper(work <-chan int) int {
	t := time.NewTicker(time.Second)
	defer stopTicker(t)
	select {
	case v := <-work:
		return v
	case <-t.C:
		return 0
	}
}

func skip(d time.Duration) bool { return d > time.Hour }

// The continue ends the iteration with the ticker running.
func continueSkipsStop(ds []time.Duration) {
	for _, d := range ds {
		t := time.NewTicker(d) // want LH201
		if skip(d) {
			continue
		}
		<-t.C
		t.Stop()
	}
}

// The ticker is stopped before every continue.
func continueAfterStop(ds []time.Duration) {
	for _, d := range ds {
		t := time.NewTicker(d)
		if skip(d) {
			t.Stop()
			continue
		}
		<-t.C
		t.Stop()
	}
}

// A panic path: the program dies (or a recover runs the defers); the
// deferred Stop covers it anyway.
func panicWithDefer(work <-chan int) int {
	t := time.NewTicker(time.Second)
	defer t.Stop()
	v := <-work
	if v < 0 {
		panic("negative")
	}
	<-t.C
	return v
}

// The panic is not a return: the only return stops the ticker.
func panicWithoutDefer(work <-chan int) int {
	t := time.NewTicker(time.Second)
	v := <-work
	if v < 0 {
		panic(errors.New("negative"))
	}
	<-t.C
	t.Stop()
	return v
}

// This function only ever leaves through log.Fatal.
func onlyFatal(errs <-chan error) {
	t := time.NewTicker(time.Second)
	for {
		select {
		case <-t.C:
			log.Print("tick")
		case err := <-errs:
			log.Fatal(err)
		}
	}
}

func exitOnError(errs <-chan error) {
	t := time.NewTicker(time.Second)
	for range t.C {
		if err := <-errs; err != nil {
			log.Print(err)
			os.Exit(1)
		}
	}
}

// A goroutine owns the ticker and stops it.
func ownedByGoroutine(done <-chan struct{}) {
	t := time.NewTicker(time.Second)
	go func() {
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
			}
		}
	}()
}

func runTicker(t *time.Ticker, done <-chan struct{}) {
	defer t.Stop()
	<-done
}

func handedToGoroutine(done <-chan struct{}) {
	t := time.NewTicker(time.Second)
	go runTicker(t, done)
}

// The inner t shadows the outer one: only the inner ticker is stopped.
func shadowedTicker(a, b time.Duration) {
	t := time.NewTicker(a) // want LH201
	if b > 0 {
		t := time.NewTicker(b)
		defer t.Stop()
		<-t.C
	}
	<-t.C
}

// Assigning (not declaring) inside the block, after stopping the first.
func reassignedNotShadowed(a, b time.Duration) {
	t := time.NewTicker(a)
	defer func() { t.Stop() }()
	if b > 0 {
		t.Stop()
		t = time.NewTicker(b)
	}
	<-t.C
}
