package lh203

import (
	"context"
	"errors"
	"fmt"
	"log"
	"time"
)

// A heartbeat: every message restarts the loop and leaves a 5-minute
// timer behind; the loop never ends.
func consume(ch <-chan string) {
	for {
		select {
		case msg := <-ch:
			fmt.Println(msg)
		case <-time.After(5 * time.Minute): // want LH203 "time.After in a select loop"
			fmt.Println("idle")
		}
	}
}

// The same through a local made in the loop body.
func consumeLocal(ch <-chan string) {
	for {
		timeout := time.After(time.Minute) // want LH203
		select {
		case msg := <-ch:
			fmt.Println(msg)
		case <-timeout:
			fmt.Println("still waiting")
		}
	}
}

// The loop returns on the first timeout.
func untilIdle(ch <-chan string) {
	for {
		select {
		case msg := <-ch:
			fmt.Println(msg)
		case <-time.After(5 * time.Minute):
			return
		}
	}
}

// A loop with a plain condition is long-running too.
func drain(ch <-chan int, done *bool) {
	for !*done {
		select {
		case v := <-ch:
			fmt.Println(v)
		case <-time.After(time.Second): // want LH203
		}
	}
}

// A default case spins and makes a timer every time round.
func spin(ch <-chan int) {
	for {
		select {
		case v := <-ch:
			fmt.Println(v)
			return
		case <-time.After(time.Hour): // want LH203
			fmt.Println("an hour")
		default:
		}
	}
}

// Every other case leaves the loop: only the timer that fired ever
// existed when the loop goes round.
func firstOf(ch <-chan int) int {
	for {
		select {
		case v := <-ch:
			return v
		case <-time.After(time.Second):
			fmt.Println("retry")
		}
	}
}

// A short counted loop: at most three timers.
func retry(ch <-chan int) int {
	for i := 0; i < 3; i++ {
		select {
		case v := <-ch:
			return v
		case <-time.After(time.Second):
		}
	}
	return -1
}

// One timer made before the loop and reused.
func reuse(ctx context.Context, ch <-chan int) {
	t := time.NewTimer(time.Minute)
	defer t.Stop()
	for {
		select {
		case v := <-ch:
			fmt.Println(v)
		case <-t.C:
			return
		case <-ctx.Done():
			return
		}
	}
}

// No loop at all.
func once(ch <-chan int) int {
	select {
	case v := <-ch:
		return v
	case <-time.After(time.Second):
		return 0
	}
}

// time.After as a sleep outside select: it fires every time.
func sleepy(n int) {
	for {
		<-time.After(time.Millisecond)
		n--
		if n == 0 {
			return
		}
	}
}

// A range loop is bounded by its data.
func each(items []int, ch chan<- int) {
	for _, it := range items {
		select {
		case ch <- it:
		case <-time.After(time.Second):
		}
	}
}

// Inside a func literal called per iteration, the loop is outside it.
func perItem(ch <-chan int) {
	for {
		func() {
			select {
			case <-ch:
			case <-time.After(time.Second):
			}
		}()
	}
}

// The timeout case falls off the select into a return: the loop ends on
// the first timeout, and the other case leaves through continue only
// after its own value arrived.
func fallToReturn(in <-chan int, d time.Duration) error {
	for {
		select {
		case v := <-in:
			if v < 0 {
				continue
			}
			_ = v
			continue
		case <-time.After(d):
		}
		return errors.New("timeout")
	}
}

// Every case breaks out of the select into a return after it: at most
// one timer is ever started.
func breakToReturn(in <-chan int, d time.Duration) int {
	for {
		select {
		case v := <-in:
			if v == 0 {
				break
			}
			return v
		case <-time.After(d):
			break
		}
		return -1
	}
}

// The statement after the select only sometimes leaves: a value that is
// not the one awaited goes round again, leaving its timer behind.
func fallToCondReturn(in <-chan int, want int, d time.Duration) bool {
	for {
		select {
		case v := <-in:
			if v != want {
				continue
			}
		case <-time.After(d): // want LH203
			log.Print("slow")
			continue
		}
		return true
	}
}

// The select falls through to a counter check that continues: not a
// loop that ends on its first timeout.
func fallToCounter(in <-chan int, d time.Duration) {
	misses := 0
	for {
		select {
		case <-in:
		case <-time.After(d): // want LH203
			misses++
		}
		if misses < 3 {
			continue
		}
		return
	}
}
