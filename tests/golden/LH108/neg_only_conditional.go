package golden

import "os"

var debugServe = os.Getenv("SERVE_FOREVER") != ""

// A conditional halt behind a debug flag is deliberate.
func maybeHalt() {
	go serveConn()
	if debugServe {
		select {}
	}
}
