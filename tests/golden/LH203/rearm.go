package lh203

// Timers kept in a variable across iterations (raft's lease check, serf's
// mDNS poll): re-armed only in the case that received the last one, so
// one timer is pending at a time.

import (
	"fmt"
	"time"
)

func leaseLoop(events <-chan string, stop <-chan struct{}, check func() time.Duration) {
	lease := time.After(time.Second)
	for {
		select {
		case e := <-events:
			fmt.Println(e)
		case <-lease:
			next := check()
			if next < 10*time.Millisecond {
				next = 10 * time.Millisecond
			}
			lease = time.After(next)
		case <-stop:
			return
		}
	}
}

func pollLoop(found chan string, scan func(chan<- string)) {
	poll := time.After(0)
	for {
		select {
		case name := <-found:
			fmt.Println("found", name)
		case <-poll:
			poll = time.After(time.Minute)
			go scan(found)
		}
	}
}

// A quiet period restarted by every event: each event drops a pending
// timer and starts another.
func debounce(events <-chan string, flush func([]string)) {
	var quiet <-chan time.Time
	var batch []string
	for {
		select {
		case e := <-events:
			batch = append(batch, e)
			quiet = time.After(time.Second) // want LH203
		case <-quiet:
			flush(batch)
			batch = nil
		}
	}
}

// Armed conditionally at the top of every iteration: the other case
// leaves it pending.
func retryVictims(pending func() bool, kick <-chan struct{}, stop <-chan struct{}) {
	for {
		var tick <-chan time.Time
		if pending() {
			tick = time.After(10 * time.Millisecond) // want LH203
		}
		select {
		case <-tick:
		case <-kick:
		case <-stop:
			return
		}
	}
}
