// tickerleak: starts a ticker per job and never stops it (Go 1.19: an
// unstopped ticker stays in the runtime's timer heap forever). 4000 a
// second: each of its heap sites (the Ticker, its channel) grows by about
// 400 KiB/s, which the default MemProfileRate resolves from sampling noise
// (about 6.6 sampled objects of rise) well within the 30 s watch.
package main

import (
	"time"

	"lhe2e/internal/serve"
)

func job() {
	t := time.NewTicker(time.Hour) // never stopped
	select {
	case <-t.C:
	default:
	}
}

func main() {
	serve.Start()
	serve.Every(10*time.Millisecond, func() {
		for i := 0; i < 40; i++ {
			job()
		}
		serve.Garbage(64 << 10)
	})
}
