// A server: the handlers run once per request for as long as it serves.
package main

import (
	"net/http"
	"sync"
)

var (
	mu     sync.Mutex
	visits = map[string]int{}
	agents = map[string]bool{}
)

func countVisit(w http.ResponseWriter, r *http.Request) {
	mu.Lock()
	visits[r.URL.Path]++ // want LH301 "keyed by request data"
	mu.Unlock()
}

func main() {
	http.HandleFunc("/", countVisit)
	http.HandleFunc("/agent", func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		agents[r.UserAgent()] = true // want LH301 "agents"
		mu.Unlock()
	})
	_ = http.ListenAndServe("127.0.0.1:0", nil)
}
