// Command fixed is the status poller of ../leak releasing what it opens:
// fetchStatus defers resp.Body.Close and readLimit defers f.Close, each
// right after the error check, so every return path releases them and the
// HTTP client reuses one connection.
package main

import (
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"sync/atomic"
)

// fetchStatus GETs url and returns the length of the status document.
func fetchStatus(url string) (int, error) {
	resp, err := http.Get(url)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return 0, fmt.Errorf("%s: %s", url, resp.Status)
	}
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return 0, err
	}
	return len(body), nil
}

// readLimit reads the single number stored in the limits file.
func readLimit(path string) (int, error) {
	f, err := os.Open(path)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	var limit int
	if _, err := fmt.Fscan(f, &limit); err != nil {
		return 0, fmt.Errorf("%s: %v", path, err)
	}
	return limit, nil
}

// openFDs counts this process's open file descriptors (Linux), or -1.
func openFDs() int {
	entries, err := os.ReadDir("/proc/self/fd")
	if err != nil {
		return -1
	}
	return len(entries)
}

// run polls a local status service n times.
func run(n int) error {
	dir, err := os.MkdirTemp("", "leakhound-seed-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	limits := filepath.Join(dir, "limits")
	if err := os.WriteFile(limits, []byte("512\n"), 0o600); err != nil {
		return err
	}

	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	mux := http.NewServeMux()
	var requests atomic.Int32
	mux.HandleFunc("/status", func(w http.ResponseWriter, r *http.Request) {
		if requests.Add(1)%4 == 0 {
			http.Error(w, "busy, retry later", http.StatusServiceUnavailable)
			return
		}
		fmt.Fprintln(w, `{"status":"ok"}`)
	})
	srv := &http.Server{Handler: mux}
	go srv.Serve(ln)
	defer srv.Close()
	url := "http://" + ln.Addr().String() + "/status"

	before := openFDs()
	failed := 0
	for i := 0; i < n; i++ {
		if _, err := fetchStatus(url); err != nil {
			failed++
		}
		if _, err := readLimit(limits); err != nil {
			return err
		}
	}
	fmt.Printf("%d polls, %d failed\n", n, failed)
	fmt.Printf("open file descriptors: %d before, %d after\n",
		before, openFDs())
	return nil
}

func main() {
	n := flag.Int("n", 20, "number of polls")
	flag.Parse()
	if err := run(*n); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
