package rt2

import (
	"errors"
	"log"
	"os"
	"time"
)

var errTimeout = errors.New("timeout")

// Stopped (and drained) before the value path returns.
func stopAndDrain(ch <-chan int, d time.Duration) (int, error) {
	t := time.NewTimer(d)
	select {
	case v := <-ch:
		if !t.Stop() {
			<-t.C
		}
		return v, nil
	case <-t.C:
		return 0, errTimeout
	}
}

// Re-armed with Reset after it fired; the value path returns armed.
func resetThenReturn(ch <-chan int, d time.Duration) (int, error) {
	t := time.NewTimer(d) // want LH204
	<-t.C
	t.Reset(d)
	select {
	case v := <-ch:
		return v, nil // the re-armed timer is left behind
	case <-t.C:
		return 0, errTimeout
	}
}

// Reset under a deferred Stop: the deferred call stops whatever is armed.
func resetUnderDefer(ch <-chan int, d time.Duration) int {
	t := time.NewTimer(d)
	defer t.Stop()
	n := 0
	for {
		select {
		case v, ok := <-ch:
			if !ok {
				return n
			}
			n += v
			if !t.Stop() {
				<-t.C
			}
			t.Reset(d)
		case <-t.C:
			return n
		}
	}
}

// Fired: nothing left armed.
func firedThenReturn(d time.Duration) time.Time {
	t := time.NewTimer(d)
	return <-t.C
}

// An early return before the select leaves the timer armed.
func earlyReturn(ch <-chan int, d time.Duration, ok bool) (int, error) {
	t := time.NewTimer(d) // want LH204
	if !ok {
		return 0, errors.New("not ready")
	}
	select {
	case v := <-ch:
		t.Stop()
		return v, nil
	case <-t.C:
		return 0, errTimeout
	}
}

func deferredClosureArg(ch <-chan int, d time.Duration) (int, error) {
	t := time.NewTimer(d)
	defer func(tm *time.Timer) { tm.Stop() }(t)
	select {
	case v := <-ch:
		return v, nil
	case <-t.C:
		return 0, errTimeout
	}
}

// The deferred Stop binds the first timer; the second is left armed when
// the value arrives first.
func deferredReceiverReassigned(ch <-chan int, d time.Duration, slow bool) (int, error) {
	t := time.NewTimer(d)
	defer t.Stop()
	if slow {
		t.Stop()
		t = time.NewTimer(2 * d) // want LH204
	}
	select {
	case v := <-ch:
		return v, nil
	case <-t.C:
		return 0, errTimeout
	}
}

// A goroutine owns the timer.
func handedToGoroutine(d time.Duration, fire func()) {
	t := time.NewTimer(d)
	go func() {
		<-t.C
		fire()
	}()
}

// Neither exit returns.
func exitsOnly(ch <-chan int, d time.Duration) {
	t := time.NewTimer(d)
	select {
	case v := <-ch:
		log.Printf("got %d", v)
		os.Exit(0)
	case <-t.C:
		log.Fatal("timeout")
	}
}

// Each select case disarms the timer one way or the other.
func stopInEveryOtherCase(a, b <-chan int, d time.Duration) int {
	t := time.NewTimer(d)
	select {
	case v := <-a:
		t.Stop()
		return v
	case v := <-b:
		t.Stop()
		return -v
	case <-t.C:
		return 0
	}
}

// One case forgets the Stop.
func stopInAllButOne(a, b <-chan int, d time.Duration) int {
	t := time.NewTimer(d) // want LH204
	select {
	case v := <-a:
		t.Stop()
		return v
	case v := <-b:
		return -v
	case <-t.C:
		return 0
	}
}

// Named results and a bare return on the value path.
func namedBare(ch <-chan int, d time.Duration) (v int, err error) {
	t := time.NewTimer(d) // want LH204
	select {
	case v = <-ch:
		return
	case <-t.C:
		err = errTimeout
		return
	}
}

// The timer is returned to the caller.
func armed(d time.Duration) *time.Timer {
	t := time.NewTimer(d)
	return t
}

// Each iteration that gets its value first drops an armed timer.
func perChannel(chans []chan int, d time.Duration) int {
	n := 0
	for _, c := range chans {
		t := time.NewTimer(d) // want LH204
		select {
		case v := <-c:
			n += v
		case <-t.C:
		}
	}
	return n
}
