// tickerfixed: tickerleak's twin: the ticker is stopped.
package main

import (
	"time"

	"lhe2e/internal/serve"
)

func job() {
	t := time.NewTicker(time.Hour)
	defer t.Stop()
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
