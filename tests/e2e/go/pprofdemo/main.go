// pprofdemo: a healthy process with a pprof endpoint, for `leakhound ps`.
package main

import (
	"time"

	"lhe2e/internal/serve"
)

func main() {
	serve.Start()
	for {
		serve.Garbage(1 << 10)
		time.Sleep(100 * time.Millisecond)
	}
}
