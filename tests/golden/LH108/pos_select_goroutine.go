package golden

import "net/http"

// Every request parks one more goroutine.
func handler(w http.ResponseWriter, r *http.Request) {
	go func() { // want LH108 "goroutine blocks forever in select"
		serveConn()
		select {}
	}()
	w.WriteHeader(http.StatusOK)
}
