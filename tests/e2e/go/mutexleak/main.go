// mutexleak: an error path returns without Unlock; every later caller
// blocks on the mutex forever.
package main

import (
	"errors"
	"sync"
	"time"

	"lhe2e/internal/serve"
)

var (
	mu    sync.Mutex
	count int
)

func update(fail bool) error {
	mu.Lock()
	if fail {
		return errors.New("bad input") // mu stays locked
	}
	count++
	mu.Unlock()
	return nil
}

func main() {
	serve.Start()
	n := 0
	serve.Every(100*time.Millisecond, func() {
		n++
		go update(n == 3)
		serve.Garbage(8 << 10)
	})
}
