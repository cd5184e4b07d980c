// sawtooth: a batch job that builds a large temporary structure and drops
// it: the heap rises and falls back after every GC.
package main

import (
	"time"

	"lhe2e/internal/serve"
)

var batch [][]byte

func main() {
	serve.Start()
	i := 0
	serve.Every(20*time.Millisecond, func() {
		batch = append(batch, make([]byte, 64<<10))
		i++
		if i%50 == 0 {
			batch = nil // the batch is done
		}
	})
}
