package rt2

import (
	"context"
	"log"
	"runtime"
	"time"
)

// The timeout channel is made in the loop body: one timer per message.
func localInBody(in <-chan int, handle func(int)) {
	for {
		timeout := time.After(time.Minute) // want LH203
		select {
		case v := <-in:
			handle(v)
		case <-timeout:
			log.Print("idle")
		}
	}
}

// One timer for the whole loop.
func localBeforeLoop(in <-chan int, handle func(int)) {
	timeout := time.After(time.Minute)
	for {
		select {
		case v := <-in:
			handle(v)
		case <-timeout:
			return
		}
	}
}

// Three rounds at most: at most three timers.
func counted(in <-chan int) int {
	n := 0
	for i := 0; i < 3; i++ {
		select {
		case v := <-in:
			n += v
		case <-time.After(time.Second):
		}
	}
	return n
}

// A worker ranging over its jobs channel runs as long as the senders do.
func rangeJobs(jobs <-chan int, results chan<- int) {
	for j := range jobs {
		select {
		case results <- j:
		case <-time.After(time.Minute): // want LH203
			log.Print("dropped")
		}
	}
}

// A range over a slice is bounded.
func rangeSlice(xs []int, results chan<- int) {
	for _, x := range xs {
		select {
		case results <- x:
		case <-time.After(time.Second):
		}
	}
}

// The default case makes the loop spin, evaluating time.After each time.
func withDefault(in <-chan int, handle func(int)) {
	for {
		select {
		case v := <-in:
			handle(v)
		case <-time.After(time.Second): // want LH203
			log.Print("slow")
		default:
			runtime.Gosched()
		}
	}
}

// Every case but the timeout leaves the loop: only timers that fired were
// ever made.
func othersLeave(ctx context.Context, in <-chan int) (int, error) {
	for {
		select {
		case v := <-in:
			return v, nil
		case <-ctx.Done():
			return 0, ctx.Err()
		case <-time.After(time.Second):
			log.Print("still waiting")
		}
	}
}

// The default also leaves the loop.
func defaultLeaves(in <-chan int) int {
	for {
		select {
		case v := <-in:
			return v
		case <-time.After(time.Millisecond):
			continue
		default:
			return -1
		}
	}
}

// A loop with a plain condition.
func whileRunning(running func() bool, in <-chan int, handle func(int)) {
	for running() {
		select {
		case v := <-in:
			handle(v)
		case <-time.After(10 * time.Second): // want LH203
		}
	}
}

// A labeled outer loop around the select: the timeout breaks out of both.
func labeledTimeoutBreak(in <-chan int, handle func(int)) {
outer:
	for {
		select {
		case v := <-in:
			if v < 0 {
				break outer
			}
			return
		case <-time.After(time.Second):
			break outer
		}
	}
	handle(0)
}
