package rtcf

import (
	"context"
	"errors"
	"net"
	"os"
	"sync"
	"time"
)

var errX = errors.New("x")

// cancel called only in the error branch; the success path hands ctx to a
// goroutine that runs forever -> cancel lost
type server struct {
	mu     sync.Mutex
	cancel context.CancelFunc
}

func (s *server) Start(parent context.Context) error {
	ctx, cancel := context.WithCancel(parent)
	s.mu.Lock()
	s.cancel = cancel
	s.mu.Unlock()
	go func() { <-ctx.Done() }()
	return nil
}

func (s *server) Stop() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.cancel != nil {
		s.cancel()
	}
}

// WithTimeout per loop iteration, cancel deferred in an IIFE
func perItem(parent context.Context, items []string, do func(context.Context, string) error) error {
	for _, it := range items {
		if err := func() error {
			ctx, cancel := context.WithTimeout(parent, time.Second)
			defer cancel()
			return do(ctx, it)
		}(); err != nil {
			return err
		}
	}
	return nil
}

// ticker stopped on the labeled-break path, and the only other exit is a
// goroutine exit (runtime.Goexit)? plain return inside select leaks
func tickerSwitchInSelect(events <-chan int) {
	t := time.NewTicker(time.Second) // want LH201
	for {
		select {
		case e := <-events:
			switch {
			case e < 0:
				return
			case e == 0:
				t.Stop()
				return
			}
		case <-t.C:
		}
	}
}

// the timer's channel drained in a goroutine: handed on
func timerGoroutine(d time.Duration, f func()) {
	t := time.NewTimer(d)
	go func() {
		select {
		case <-t.C:
			f()
		}
	}()
}

// net.Listen closed on every path via a deferred closure with an argument
func listen(addr string, serve func(net.Listener) error) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	defer func(l net.Listener) { _ = l.Close() }(ln)
	return serve(ln)
}

// the listener leaks when the second listen fails
func listenTwo(a, b string) (net.Listener, net.Listener, error) {
	l1, err := net.Listen("tcp", a) // want LH704
	if err != nil {
		return nil, nil, err
	}
	l2, err := net.Listen("tcp", b)
	if err != nil {
		return nil, nil, err
	}
	return l1, l2, nil
}

// os.Pipe both ends: the write end is closed, the read end returned
func pipe() (*os.File, error) {
	r, w, err := os.Pipe()
	if err != nil {
		return nil, err
	}
	if _, err := w.Write([]byte("x")); err != nil {
		r.Close()
		w.Close()
		return nil, err
	}
	w.Close()
	return r, nil
}

// the read end leaks on the write error path
func pipeLeak() (*os.File, error) {
	r, w, err := os.Pipe() // want LH701
	if err != nil {
		return nil, err
	}
	if _, err := w.Write([]byte("x")); err != nil {
		w.Close()
		return nil, err
	}
	w.Close()
	return r, nil
}

// deadline context in a select-loop worker, cancelled on both exits
func worker(parent context.Context, jobs <-chan int) error {
	ctx, cancel := context.WithDeadline(parent, time.Now().Add(time.Minute))
	defer cancel()
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case j, ok := <-jobs:
			if !ok {
				return nil
			}
			if j < 0 {
				return errX
			}
		}
	}
}
