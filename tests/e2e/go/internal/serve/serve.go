// Package serve starts the pprof (and expvar) endpoint every e2e program
// exposes: 127.0.0.1 on a free port, printed as "PORT <n>" on stdout so the
// test knows where to look. Programs end by themselves after a bounded
// lifetime (LH_E2E_LIFETIME seconds, default 300), so a test that dies
// cannot leave them running for long.
package serve

import (
	_ "expvar"
	"fmt"
	"net"
	"net/http"
	_ "net/http/pprof"
	"os"
	"strconv"
	"time"
)

// Start listens, prints the port, serves in the background and returns
// the base URL. LH_E2E_PORT picks the port (to restart on the same one);
// LH_E2E_NOPPROF=1 serves a plain mux without pprof (a process that can
// only be watched from /proc).
func Start() string {
	addr := "127.0.0.1:0"
	if p := os.Getenv("LH_E2E_PORT"); p != "" {
		addr = "127.0.0.1:" + p
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		fmt.Fprintln(os.Stderr, "listen:", err)
		os.Exit(2)
	}
	port := ln.Addr().(*net.TCPAddr).Port
	fmt.Printf("PORT %d\n", port)
	if os.Getenv("LH_E2E_NOPPROF") == "1" {
		mux := http.NewServeMux()
		mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
			fmt.Fprintln(w, "hello")
		})
		go http.Serve(ln, mux)
	} else {
		go http.Serve(ln, nil)
	}
	life := 300
	if s := os.Getenv("LH_E2E_LIFETIME"); s != "" {
		if n, err := strconv.Atoi(s); err == nil && n > 0 {
			life = n
		}
	}
	time.AfterFunc(time.Duration(life)*time.Second, func() { os.Exit(0) })
	return fmt.Sprintf("http://127.0.0.1:%d", port)
}

// Garbage is the per-request work every service does: short-lived
// allocations that keep the GC running, as in a real server.
func Garbage(n int) int {
	b := make([]byte, n)
	b[n/2] = byte(n)
	sink = b
	return int(b[n/2])
}

var sink []byte

// Every calls f every d, forever.
func Every(d time.Duration, f func()) {
	for {
		f()
		time.Sleep(d)
	}
}
