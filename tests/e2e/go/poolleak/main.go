// poolleak: a sync.Pool used as storage. Every request takes an 8 KiB
// buffer from the pool and parks it in a list of pending replies that is
// never drained and never Put back, so the pool's New runs on every Get
// and everything it allocates stays live.
package main

import (
	"sync"
	"time"

	"lhe2e/internal/serve"
)

var bufPool = sync.Pool{New: func() any {
	b := make([]byte, 8<<10)
	return &b
}}

var pending []*[]byte

func handle() {
	b := bufPool.Get().(*[]byte)
	(*b)[0] = 1
	pending = append(pending, b) // never Put back, never released
}

func main() {
	serve.Start()
	serve.Every(20*time.Millisecond, func() {
		handle()
		serve.Garbage(128 << 10)
	})
}
