package rt2

import (
	"context"
	"errors"
	"log"
	"os"
	"time"
)

// The tick channel is made once, but the function returns through the
// labeled break: the ticker outlives it.
func labeledOut(ctx context.Context, work <-chan int) int {
	c := time.Tick(time.Second) // want LH202
	n := 0
loop:
	for {
		select {
		case <-ctx.Done():
			break loop
		case v := <-work:
			n += v
		case <-c:
			n++
		}
	}
	return n
}

// The only way out is log.Fatal: the function never returns.
func fatalOnly(check func() error) {
	c := time.Tick(time.Second)
	for range c {
		if err := check(); err != nil {
			log.Fatal(err)
		}
	}
}

func exitOnly(check func() error) {
	for range time.Tick(time.Second) {
		if err := check(); err != nil {
			log.Print(err)
			os.Exit(2)
		}
	}
}

// A break ends the range over the tick channel and the function returns.
func breakOut(done func() bool) {
	for range time.Tick(time.Second) { // want LH202
		if done() {
			break
		}
	}
}

// continue keeps looping: this function never returns.
func continueForever(skip func() bool, work func()) {
	for range time.Tick(time.Second) {
		if skip() {
			continue
		}
		work()
	}
}

// A goroutine's function literal returns on done: its ticker leaks.
func inGoroutine(done <-chan struct{}, f func()) {
	go func() {
		tick := time.Tick(time.Minute) // want LH202
		for {
			select {
			case <-tick:
				f()
			case <-done:
				return
			}
		}
	}()
}

// The channel is handed back to the caller.
func every(d time.Duration) <-chan time.Time {
	return time.Tick(d)
}

var errGiveUp = errors.New("give up")

// A goto-based retry: the function returns after a successful try.
func retryGoto(try func() error) error {
	c := time.Tick(time.Second) // want LH202
	n := 0
retry:
	<-c
	if err := try(); err != nil {
		n++
		if n < 5 {
			goto retry
		}
		return errGiveUp
	}
	return nil
}

// A goto loop with no way out.
func gotoForever(work func()) {
	c := time.Tick(time.Second)
again:
	<-c
	work()
	goto again
}

// panic is not a return.
func panicOnly(check func() error) {
	for range time.Tick(time.Second) {
		if err := check(); err != nil {
			panic(err)
		}
	}
}
