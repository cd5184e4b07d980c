// Redteam cases, second batch (see http.go/sql.go beside the first).
package redteam

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"
)

// X1 TP: an encoder only writes; the file is never closed.
func saveJSON(path string, v any) error {
	f, err := os.Create(path) // want LH701 "never closed"
	if err != nil {
		return err
	}
	return json.NewEncoder(f).Encode(v)
}

// X2 neg: the close error goes into the named result.
func saveJSONOK(path string, v any) (err error) {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer func() {
		if cerr := f.Close(); err == nil {
			err = cerr
		}
	}()
	return json.NewEncoder(f).Encode(v)
}

// X3 TP: a file from a descriptor, never closed.
func fdName(fd uintptr) string {
	f := os.NewFile(fd, "inherited") // want LH701
	if f == nil {
		return ""
	}
	return f.Name()
}

// X4 neg: a UDP socket written once and closed by defer.
func sendDatagram(addr string, b []byte) error {
	ua, err := net.ResolveUDPAddr("udp", addr)
	if err != nil {
		return err
	}
	c, err := net.DialUDP("udp", nil, ua)
	if err != nil {
		return err
	}
	defer c.Close()
	_, err = c.Write(b)
	return err
}

// X5 TP: a UDP socket leaks on a write error.
func sendDatagramLeaky(addr string, b []byte) error {
	ua, err := net.ResolveUDPAddr("udp", addr)
	if err != nil {
		return err
	}
	c, err := net.DialUDP("udp", nil, ua) // want LH704 "not closed on every path"
	if err != nil {
		return err
	}
	if _, err := c.Write(b); err != nil {
		return err
	}
	return c.Close()
}

// X6 neg: a goroutine closes the connection when the context ends.
func closeOnDone(ctx context.Context, addr string) (net.Conn, error) {
	c, err := net.Dial("tcp", addr)
	if err != nil {
		return nil, err
	}
	go func() {
		<-ctx.Done()
		c.Close()
	}()
	return c, nil
}

// X7 neg: an accept loop with a deferred listener close.
func serveEcho(addr string) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	defer ln.Close()
	for {
		c, err := ln.Accept()
		if err != nil {
			return err
		}
		go func() {
			defer c.Close()
			io.Copy(c, c)
		}()
	}
}

// X8 TP: a started command whose liveness check fails is not waited for.
func spawnCheck(path string) error {
	cmd := exec.Command(path)
	if err := cmd.Start(); err != nil { // want LH705
		return err
	}
	if err := cmd.Process.Signal(os.Signal(nil)); err != nil {
		return fmt.Errorf("spawned process gone: %w", err)
	}
	return cmd.Wait()
}

// X9 neg: a reaper goroutine waits.
func spawnDetached(path string) (int, error) {
	cmd := exec.Command(path)
	if err := cmd.Start(); err != nil {
		return 0, err
	}
	go cmd.Wait()
	return cmd.Process.Pid, nil
}

// X10 neg: the scanner reads stdout to the end before Wait.
func countOutputLines(name string, args ...string) (int, error) {
	cmd := exec.Command(name, args...)
	out, err := cmd.StdoutPipe()
	if err != nil {
		return 0, err
	}
	if err := cmd.Start(); err != nil {
		return 0, err
	}
	n := 0
	sc := bufio.NewScanner(out)
	for sc.Scan() {
		n++
	}
	if err := cmd.Wait(); err != nil {
		return 0, err
	}
	return n, sc.Err()
}

// X11 neg: the conventional optional timeout: cancel defaults to a no-op.
func maybeTimeout(ctx context.Context, d time.Duration, f func(context.Context) error) error {
	cancel := context.CancelFunc(func() {})
	if d > 0 {
		ctx, cancel = context.WithTimeout(ctx, d)
	}
	defer cancel()
	return f(ctx)
}

// X12 TP LH706: a timeout context per item deferred in the loop.
func perItem(ctx context.Context, items []string, f func(context.Context, string) error) error {
	for _, it := range items {
		ictx, cancel := context.WithTimeout(ctx, time.Second)
		defer cancel() // want LH706
		if err := f(ictx, it); err != nil {
			return err
		}
	}
	return nil
}

// X13 TP: a worker context whose cancel nobody keeps.
func startWorkers(ctx context.Context, n int, work func(context.Context)) {
	if n > 0 {
		wctx, cancel := context.WithCancel(ctx) // want LH205
		for i := 0; i < n; i++ {
			go work(wctx)
		}
		_ = strings.Repeat("x", 0)
		if false {
			cancel()
		}
	}
}

// X14 neg: a test helper hands the cancel to t.Cleanup.
func testContext(t *testing.T) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	t.Cleanup(cancel)
	return ctx
}

// X15 TP LH204: a timer left armed when the value arrives (go 1.19).
func waitValue(ch <-chan string, d time.Duration) (string, bool) {
	timer := time.NewTimer(d) // want LH204
	for {
		select {
		case <-timer.C:
			return "", false
		case s := <-ch:
			if s != "" {
				return s, true
			}
		}
	}
}

// X16 neg LH203: a backoff loop whose only other case ends it: each
// timer fires before the next is made.
func backoff(ctx context.Context, try func() error) error {
	d := 10 * time.Millisecond
	for {
		if err := try(); err == nil {
			return nil
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(d):
		}
		if d < time.Second {
			d *= 2
		}
	}
}

// X17 TP LH203: time.After per message in a ticker-driven loop.
func pump(in <-chan int, tick <-chan time.Time, out func(int)) {
	for range tick {
		select {
		case v := <-in:
			out(v)
		case <-time.After(time.Minute): // want LH203
		}
	}
}

// X18 neg: a ticker handed to a goroutine that stops it.
func tickInto(d time.Duration, f func(), stop <-chan struct{}) {
	tk := time.NewTicker(d)
	go func(t *time.Ticker) {
		defer t.Stop()
		for {
			select {
			case <-t.C:
				f()
			case <-stop:
				return
			}
		}
	}(tk)
}

// X19 neg: the deferred close sits in an if whose else exits the process.
func openOrDie(path string) []byte {
	f, err := os.Open(path)
	if err == nil {
		defer f.Close()
	} else {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	b, _ := io.ReadAll(f)
	return b
}

// X20 neg: break out of a labeled select loop, then close.
func readUntil(path string, stop <-chan struct{}) (int, error) {
	f, err := os.Open(path)
	if err != nil {
		return 0, err
	}
	r := bufio.NewReader(f)
	n := 0
loop:
	for {
		select {
		case <-stop:
			break loop
		default:
		}
		if _, err := r.ReadString('\n'); err != nil {
			break
		}
		n++
	}
	return n, f.Close()
}
