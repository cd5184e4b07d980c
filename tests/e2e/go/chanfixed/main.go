// chanfixed: chanleak's twin with a buffered result channel: the worker
// can always send and exit.
package main

import (
	"time"

	"lhe2e/internal/serve"
)

func fetch(timeout time.Duration) int {
	ch := make(chan int, 1)
	go func() {
		time.Sleep(2 * time.Millisecond)
		ch <- serve.Garbage(4 << 10)
	}()
	select {
	case v := <-ch:
		return v
	case <-time.After(timeout):
		return -1
	}
}

func main() {
	serve.Start()
	serve.Every(50*time.Millisecond, func() { fetch(time.Millisecond) })
}
