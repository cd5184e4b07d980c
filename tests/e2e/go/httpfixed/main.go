// httpfixed: httpbody's twin: the body is drained and closed, so the
// connection is reused.
package main

import (
	"io"
	"net/http"
	"time"

	"lhe2e/internal/serve"
)

func status(base string) int {
	resp, err := http.Get(base + "/debug/pprof/cmdline")
	if err != nil {
		return 0
	}
	defer resp.Body.Close()
	io.Copy(io.Discard, resp.Body)
	return resp.StatusCode
}

func main() {
	base := serve.Start()
	serve.Every(100*time.Millisecond, func() {
		status(base)
		serve.Garbage(8 << 10)
	})
}
