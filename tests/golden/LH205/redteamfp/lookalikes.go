// Redteam cases, seventh batch: look-alikes aimed at the newer handles
// (struct locals, closures kept in locals, status checks closing on
// failure, guarded deferred closes, callbacks): none leaks.
package redteamfp

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"sync"
)

type server struct {
	ln   net.Listener
	wg   sync.WaitGroup
	quit chan struct{}
}

func (s *server) serve() error {
	defer s.ln.Close()
	for {
		c, err := s.ln.Accept()
		if err != nil {
			return err
		}
		s.wg.Add(1)
		go func() {
			defer s.wg.Done()
			c.Close()
		}()
	}
}

// P1 neg: the listener goes into a local server whose serve closes it.
func listenAndServe(addr string) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	s := &server{ln: ln, quit: make(chan struct{})}
	return s.serve()
}

type job struct {
	cancel context.CancelFunc
	name   string
}

var (
	jobsMu sync.Mutex
	jobs   = map[string]*job{}
)

// P2 neg: the local struct is stored in a package map.
func startJob(parent context.Context, name string, run func(context.Context)) {
	ctx, cancel := context.WithCancel(parent)
	j := &job{cancel: cancel, name: name}
	jobsMu.Lock()
	jobs[name] = j // want LH301
	jobsMu.Unlock()
	go run(ctx)
}

// P3 neg: the struct value is sent on a channel.
func submit(parent context.Context, out chan<- job) {
	_, cancel := context.WithCancel(parent)
	j := job{cancel: cancel, name: "x"}
	out <- j
}

// P4 neg: the cleanup closure is returned to the caller.
func tempWriter(dir string) (io.Writer, func() error, error) {
	f, err := os.CreateTemp(dir, "p4-*")
	if err != nil {
		return nil, nil, err
	}
	done := func() error {
		err := f.Close()
		os.Remove(f.Name())
		return err
	}
	return f, done, nil
}

// P5 neg: a closure kept in a local and handed to a registry.
var closers []func()

func registerFile(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	c := func() { f.Close() }
	closers = append(closers, c)
	return nil
}

// P6 neg: a status check closing on failure; the caller returns the
// response to its own caller on success.
func mustOK(resp *http.Response) error {
	if resp.StatusCode != http.StatusOK {
		resp.Body.Close()
		return fmt.Errorf("status %d", resp.StatusCode)
	}
	return nil
}

func getOK(c *http.Client, u string) (*http.Response, error) {
	resp, err := c.Get(u)
	if err != nil {
		return nil, err
	}
	if err := mustOK(resp); err != nil {
		return nil, err
	}
	return resp, nil
}

// P7 neg: a guarded deferred close with an error returned before the
// defer is registered.
func readAllGuarded(path string) (b []byte, err error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, errors.New("open failed")
	}
	defer func() {
		if err == nil {
			err = f.Close()
		} else {
			f.Close()
		}
	}()
	return io.ReadAll(f)
}

// P8 neg: a helper handing the file to the caller's callback, and a
// callback that stores it.
var kept []*os.File

func withFile(path string, fn func(*os.File) error) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	return fn(f)
}

func keepIt(path string) error {
	return withFile(path, func(f *os.File) error {
		kept = append(kept, f) // want LH302
		return nil
	})
}

// P9 neg: := in a nested block does not reuse the named result.
func openInner(path string, retry bool) (f *os.File, err error) {
	f, err = os.Open(path)
	if err != nil && retry {
		g, err := os.Open(path + ".bak")
		if err != nil {
			return nil, err
		}
		return g, nil
	}
	return f, err
}
