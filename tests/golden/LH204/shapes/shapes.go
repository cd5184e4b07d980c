// Timers under go 1.19: armed timers on early returns, per-iteration
// timers, Stop+drain, Reset loops, helpers, fields, hand-overs.
package shapes

import (
	"context"
	"errors"
	"log"
	"time"
)

// M1 leak: timer armed when the result arrives first, inside a worker loop.
func waitResult(res <-chan error, d time.Duration) error {
	timer := time.NewTimer(d) // want LH204
	select {
	case err := <-res:
		return err
	case <-timer.C:
		return errors.New("timed out")
	}
}

// M2 neg: Stop + drain idiom before returning.
func waitResult2(res <-chan error, d time.Duration) error {
	timer := time.NewTimer(d)
	select {
	case err := <-res:
		if !timer.Stop() {
			<-timer.C
		}
		return err
	case <-timer.C:
		return errors.New("timed out")
	}
}

// M3 neg: debounce loop with Reset and deferred Stop.
func debounce(in <-chan string, d time.Duration, out func([]string)) {
	t := time.NewTimer(d)
	defer t.Stop()
	var batch []string
	for {
		select {
		case s, ok := <-in:
			if !ok {
				out(batch)
				return
			}
			batch = append(batch, s)
			if !t.Stop() {
				select {
				case <-t.C:
				default:
				}
			}
			t.Reset(d)
		case <-t.C:
			out(batch)
			batch = nil
			t.Reset(d)
		}
	}
}

// M4 leak: idle timeout timer in a connection loop; the read error returns armed.
func idleLoop(read func() (int, error), idle time.Duration) error {
	t := time.NewTimer(idle) // want LH204
	for {
		n, err := read()
		if err != nil {
			return err
		}
		if n == 0 {
			<-t.C
			return errors.New("idle")
		}
		t.Reset(idle)
	}
}

// M5 neg: timer stopped in a deferred closure that also logs.
func withDeadline(work func() error, d time.Duration) error {
	t := time.NewTimer(d)
	defer func() {
		if !t.Stop() {
			log.Print("deadline fired")
		}
	}()
	done := make(chan error, 1)
	go func() { done <- work() }()
	select {
	case err := <-done:
		return err
	case <-t.C:
		return errors.New("deadline")
	}
}

// M6 leak: the panic path is fine, but the early return is not.
func guarded(ok bool, d time.Duration, ch <-chan int) int {
	t := time.NewTimer(d) // want LH204
	if !ok {
		panic("bad state")
	}
	select {
	case v := <-ch:
		return v
	case <-t.C:
		return 0
	}
}

// M7 neg: timer handed to a goroutine that drains it.
func deadlineCancel(d time.Duration, cancel context.CancelFunc) {
	t := time.NewTimer(d)
	go func() {
		<-t.C
		cancel()
	}()
}

// B16 leak: new timer each iteration, the other case keeps looping.
func relay(in <-chan int, out func(int), d time.Duration) {
	for {
		t := time.NewTimer(d) // want LH204
		select {
		case v := <-in:
			out(v)
		case <-t.C:
			log.Print("idle")
		}
	}
}

// B17 neg: stop via same-package drain helper at return.
func drain(t *time.Timer) {
	if !t.Stop() {
		select {
		case <-t.C:
		default:
		}
	}
}

func waitOne(ch <-chan int, d time.Duration) (int, bool) {
	t := time.NewTimer(d)
	defer drain(t)
	select {
	case v := <-ch:
		return v, true
	case <-t.C:
		return 0, false
	}
}

// B18 neg: returning the timer's channel (like time.After).
func afterChan(d time.Duration) <-chan time.Time {
	return time.NewTimer(d).C
}

// B19 neg: timer stored in a struct field, stopped by Close.
type session struct {
	idle *time.Timer
}

func (s *session) arm(d time.Duration) {
	s.idle = time.NewTimer(d)
}

func (s *session) Close() { s.idle.Stop() }

// M8 leak: fired, then armed again by Reset, and the function returns.
func rearmed(d time.Duration, again bool) {
	t := time.NewTimer(d) // want LH204 "not stopped on every path"
	<-t.C
	if again {
		t.Reset(d)
	}
}

// M9 neg: armed again, and stopped or fired on every path after.
func rearmStop(d time.Duration, ch <-chan int) int {
	t := time.NewTimer(d)
	<-t.C
	t.Reset(d)
	select {
	case v := <-ch:
		t.Stop()
		return v
	case <-t.C:
		return 0
	}
}

// D16 neg: a timer in a closure stored and called by defer.
func deferredStopVar(ch <-chan int) int {
	t := time.NewTimer(time.Second)
	stop := func() { t.Stop() }
	defer stop()
	select {
	case v := <-ch:
		return v
	case <-t.C:
		return 0
	}
}
