// httpbody: calls an HTTP API (its own server) and never closes the
// response body: each call holds a connection and its two goroutines.
package main

import (
	"net/http"
	"time"

	"lhe2e/internal/serve"
)

func status(base string) int {
	resp, err := http.Get(base + "/debug/pprof/cmdline")
	if err != nil {
		return 0
	}
	return resp.StatusCode // resp.Body never closed
}

func main() {
	base := serve.Start()
	serve.Every(100*time.Millisecond, func() {
		status(base)
		serve.Garbage(8 << 10)
	})
}
