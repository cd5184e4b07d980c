package redteam

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"os"
	"time"
)

// A resource put into a keyed literal of a local struct type held by a
// local variable stays that variable's: st.field is the resource.

type worker struct {
	ctx    context.Context
	cancel context.CancelFunc
	jobs   chan int
}

func (w *worker) stop() { w.cancel() }

func (w *worker) run() {
	for {
		select {
		case <-w.ctx.Done():
			return
		case j := <-w.jobs:
			_ = j
		}
	}
}

// W1 neg: the struct's stop method is deferred.
func runBatch(parent context.Context, jobs []int) {
	ctx, cancel := context.WithCancel(parent)
	w := &worker{ctx: ctx, cancel: cancel, jobs: make(chan int)}
	defer w.stop()
	go w.run()
	for _, j := range jobs {
		w.jobs <- j
	}
}

// W2 TP: the early return skips the stop at the end.
func runBatchLeaky(parent context.Context, jobs []int) error {
	ctx, cancel := context.WithCancel(parent) // want LH205 "not called on every path"
	w := &worker{ctx: ctx, cancel: cancel, jobs: make(chan int)}
	go w.run()
	if len(jobs) == 0 {
		return errors.New("no jobs")
	}
	for _, j := range jobs {
		w.jobs <- j
	}
	w.stop()
	return nil
}

// W3 neg: the struct is returned: the caller stops it.
func startWorker(parent context.Context) *worker {
	ctx, cancel := context.WithTimeout(parent, time.Minute)
	w := &worker{ctx: ctx, cancel: cancel, jobs: make(chan int, 8)}
	go w.run()
	return w
}

// W4 neg: the field is called directly by a deferred closure.
func withWorker(parent context.Context, f func(*worker) error) error {
	ctx, cancel := context.WithCancel(parent)
	w := worker{ctx: ctx, cancel: cancel}
	defer func() { w.cancel() }()
	return f(&w)
}

type lineReader struct {
	f  *os.File
	sc *bufio.Scanner
}

func (r *lineReader) Close() error { return r.f.Close() }

// W5 TP: the header check returns before the reader is closed.
func firstRecord(path string) (string, error) {
	f, err := os.Open(path) // want LH701 "not closed on every path"
	if err != nil {
		return "", err
	}
	r := &lineReader{f: f, sc: bufio.NewScanner(f)}
	if !r.sc.Scan() {
		return "", fmt.Errorf("%s: empty", path)
	}
	defer r.Close()
	if !r.sc.Scan() {
		return "", r.sc.Err()
	}
	return r.sc.Text(), nil
}

// W6 neg: the reader goes into a map owned by the caller.
func openInto(m map[string]*lineReader, path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	r := &lineReader{f: f, sc: bufio.NewScanner(f)}
	m[path] = r
	return nil
}

type watcher struct {
	cancel context.CancelFunc
	every  time.Duration
}

func (w *watcher) run(ctx context.Context) {
	for ctx.Err() == nil {
		time.Sleep(w.every)
	}
}

func (w *watcher) stop() { w.cancel() }

// W7 neg: only the struct's stop method value is handed out.
func startWatcher(parent context.Context) func() {
	ctx, cancel := context.WithCancel(parent)
	w := &watcher{cancel: cancel, every: time.Second}
	go w.run(ctx)
	return w.stop
}

// W8 neg: the stop method value is registered with the caller's hook.
func registerWatcher(parent context.Context, onExit func(func())) {
	ctx, cancel := context.WithCancel(parent)
	w := &watcher{cancel: cancel, every: time.Second}
	go w.run(ctx)
	onExit(w.stop)
}

// W9 TP: the struct only reads its interval; nothing stops it.
func watchOnce(parent context.Context) time.Duration {
	ctx, cancel := context.WithCancel(parent) // want LH205 "never called"
	w := &watcher{cancel: cancel, every: time.Second}
	go w.run(ctx)
	return w.every
}
