// fakepprof: an endpoint that misbehaves the way real ones do, chosen by
// LH_E2E_MODE: "slow" (answers after 3 s), "hang" (never answers),
// "garbage" (random bytes where profiles should be), "html" (an HTML error
// page with status 200).
package main

import (
	"fmt"
	"math/rand"
	"net"
	"net/http"
	"os"
	"time"
)

func main() {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		os.Exit(2)
	}
	fmt.Printf("PORT %d\n", ln.Addr().(*net.TCPAddr).Port)
	mode := os.Getenv("LH_E2E_MODE")
	time.AfterFunc(120*time.Second, func() { os.Exit(0) })
	http.Serve(ln, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch mode {
		case "slow":
			time.Sleep(3 * time.Second)
			w.Write([]byte("late"))
		case "hang":
			select {}
		case "html":
			fmt.Fprintln(w, "<html><body>maintenance</body></html>")
		default:
			b := make([]byte, 4096)
			rand.Read(b)
			w.Write(b)
		}
	}))
}
