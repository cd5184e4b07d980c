package lh202

import (
	"context"
	"fmt"
	"time"
)

// Returns once the context is done: the ticker lives on.
func poll(ctx context.Context) {
	tick := time.Tick(time.Second) // want LH202 "time.Tick leaks its ticker when poll returns"
	for {
		select {
		case <-tick:
			fmt.Println("poll")
		case <-ctx.Done():
			return
		}
	}
}

// Waits a few ticks, then falls off the end.
func waitThree() {
	n := 0
	for range time.Tick(10 * time.Millisecond) { // want LH202
		n++
		if n == 3 {
			break
		}
	}
}

// A single receive used as a sleep: returns right after.
func pause() {
	<-time.Tick(time.Millisecond) // want LH202
}

// An error path returns from inside the loop.
func watch(check func() error) error {
	for range time.Tick(time.Second) { // want LH202
		if err := check(); err != nil {
			return err
		}
	}
	return nil
}

// Endless: the function never returns, the ticker is needed forever.
func heartbeat() {
	for range time.Tick(time.Second) {
		fmt.Println("alive")
	}
}

// Endless for with select: no return.
func monitor(ch chan int) {
	t := time.Tick(time.Minute)
	for {
		select {
		case v := <-ch:
			fmt.Println(v)
		case <-t:
			fmt.Println("tick")
		}
	}
}

// An early return before the ticker exists is not a leak of it.
func start(enabled bool) {
	if !enabled {
		return
	}
	for range time.Tick(time.Second) {
		fmt.Println("tick")
	}
}

// The channel is handed to a goroutine that lives forever.
func spawn(out chan<- time.Time) {
	c := time.Tick(time.Second)
	go func() {
		for t := range c {
			out <- t
		}
	}()
}

// The channel is returned to the caller: its lifetime is theirs.
func ticks() <-chan time.Time {
	return time.Tick(time.Second)
}

// A goroutine body that loops forever.
func background() {
	go func() { // want LH104
		for range time.Tick(time.Second) {
			fmt.Println("bg")
		}
	}()
}

// Package-level: lives as long as the process anyway.
var everySecond = time.Tick(time.Second)

// Returns on the first value of another channel: the ticker outlives the
// call (the Tick is made before the loop, the return is in a case).
func waitFor(done <-chan struct{}) int {
	n := 0
	t := time.Tick(time.Second) // want LH202
	for {
		select {
		case <-t:
			n++
		case <-done:
			return n
		}
	}
}

// A panic is the only way out: the process is going down anyway.
func mustTick(check func() bool) {
	for range time.Tick(time.Second) {
		if !check() {
			panic("check failed")
		}
	}
}

// The Tick channel is stored in a package variable: it is meant to live
// as long as the process.
var sharedTick <-chan time.Time

func initTick() {
	sharedTick = time.Tick(time.Minute)
}
