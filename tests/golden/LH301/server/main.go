// A long-running program: the write happens on every iteration of an
// endless loop.
package main

import (
	"fmt"
	"time"
)

var requests = make(map[string][]byte)

func handle(id string) {
	requests[id] = make([]byte, 1024) // want LH301
}

func main() {
	for i := 0; ; i++ {
		handle(fmt.Sprintf("req-%d", i))
		time.Sleep(time.Millisecond)
	}
}
