// Redteam cases, fourth batch: if-init, select default, endless loops,
// recover, replaced no-op cleanups, type switches.
package redteam

import (
	"bufio"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"strings"
)

// E1 neg: open in an if's init, closed by a defer inside it.
func peekLine(path string) string {
	if f, err := os.Open(path); err == nil {
		defer f.Close()
		line, _ := bufio.NewReader(f).ReadString('\n')
		return strings.TrimSpace(line)
	}
	return ""
}

// E2 TP: a select default returns before the close.
func tryWrite(path string, busy <-chan struct{}, b []byte) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND, 0) // want LH701 "not closed on every path"
	if err != nil {
		return err
	}
	select {
	case <-busy:
		return fmt.Errorf("busy")
	default:
	}
	_, err = f.Write(b)
	f.Close()
	return err
}

// E3 neg: an endless server loop never returns: the listener is never
// left behind.
func serveForever(ln net.Listener, h func(net.Conn)) {
	f, err := os.OpenFile("access.log", os.O_APPEND|os.O_WRONLY|os.O_CREATE, 0o644)
	if err != nil {
		panic(err)
	}
	for {
		c, err := ln.Accept()
		if err != nil {
			fmt.Fprintln(f, err)
			continue
		}
		go h(c)
	}
}

// E4 neg: recover closes and re-panics; the normal path closes too.
func guardedCopy(dst io.Writer, path string) (n int64, err error) {
	f, err := os.Open(path)
	if err != nil {
		return 0, err
	}
	defer func() {
		if r := recover(); r != nil {
			f.Close()
			panic(r)
		}
	}()
	n, err = io.Copy(dst, f)
	f.Close()
	return n, err
}

// E5 neg: a no-op cleanup replaced by a closing one in a branch.
func maybeLog(path string, verbose bool) (io.Writer, func()) {
	var w io.Writer = io.Discard
	cleanup := func() {}
	if verbose {
		f, err := os.Create(path)
		if err == nil {
			w = f
			cleanup = func() { f.Close() }
		}
	}
	return w, cleanup
}

// E6 TP: the response is read in a type switch whose one case returns
// early.
func decodeAny(c *http.Client, u string, into any) error {
	resp, err := c.Get(u) // want LH702 "not closed on every path"
	if err != nil {
		return err
	}
	switch v := into.(type) {
	case *string:
		b, err := io.ReadAll(resp.Body)
		if err != nil {
			return err
		}
		*v = string(b)
	case io.Writer:
		if _, err := io.Copy(v, resp.Body); err != nil {
			resp.Body.Close()
			return err
		}
	default:
		resp.Body.Close()
		return fmt.Errorf("unsupported %T", into)
	}
	return resp.Body.Close()
}

// E7 neg: resources opened in a loop appended to a slice the caller gets.
func openMany(paths []string) ([]*os.File, error) {
	var fs []*os.File
	for _, p := range paths {
		f, err := os.Open(p)
		if err != nil {
			for _, g := range fs {
				g.Close()
			}
			return nil, err
		}
		fs = append(fs, f)
	}
	return fs, nil
}

// E8 TP: a closure kept in a local closes, but the early return comes
// before anything calls it and before the defer.
func countWords(path string) (int, error) {
	f, err := os.Open(path) // want LH701 "not closed on every path"
	if err != nil {
		return 0, err
	}
	done := func() error { return f.Close() }
	st, err := f.Stat()
	if err != nil {
		return 0, err
	}
	if st.Size() == 0 {
		return 0, done()
	}
	defer done()
	sc := bufio.NewScanner(f)
	sc.Split(bufio.ScanWords)
	n := 0
	for sc.Scan() {
		n++
	}
	return n, sc.Err()
}
