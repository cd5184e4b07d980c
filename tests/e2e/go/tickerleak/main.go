// tickerleak: starts a ticker per job and never stops it (Go 1.19: an
// unstopped ticker stays in the runtime's timer heap forever).
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
