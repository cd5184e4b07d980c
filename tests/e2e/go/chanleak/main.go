// chanleak: every request starts a worker that sends its result on an
// unbuffered channel; on timeout the handler returns and nobody receives,
// so the worker blocks in "chan send" forever.
package main

import (
	"time"

	"lhe2e/internal/serve"
)

func fetch(timeout time.Duration) int {
	ch := make(chan int)
	go func() {
		time.Sleep(2 * time.Millisecond)
		ch <- serve.Garbage(4 << 10) // blocks forever after a timeout
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
