// Redteam cases (an unseen-set exercise): realistic shapes written to probe
// the path walk, half leaks and half look-alikes that are correct. Each
// case opens with a comment saying which and why.
package redteam

import (
	"context"
	"errors"
	"log"
	"net/http"
	"os"
	"sync"
	"time"
)

// T1 neg: cancel handed to a same-package watcher that always calls it.
func watch(ctx context.Context, cancel context.CancelFunc, stop <-chan struct{}) {
	defer cancel()
	select {
	case <-ctx.Done():
	case <-stop:
	}
}

func startWatch(parent context.Context, stop <-chan struct{}) context.Context {
	ctx, cancel := context.WithCancel(parent)
	go watch(ctx, cancel, stop)
	return ctx
}

// T2 TP: a timeout context per URL; the request-build error continues
// without cancelling.
func probeAll(parent context.Context, c *http.Client, urls []string) int {
	ok := 0
	for _, u := range urls {
		ctx, cancel := context.WithTimeout(parent, time.Second) // want LH205
		req, err := http.NewRequestWithContext(ctx, http.MethodHead, u, nil)
		if err != nil {
			continue
		}
		resp, err := c.Do(req)
		if err != nil {
			cancel()
			continue
		}
		resp.Body.Close()
		cancel()
		ok++
	}
	return ok
}

// T3 neg: the cancel func lives in a struct whose Close calls it.
type poller struct {
	cancel context.CancelFunc
	done   chan struct{}
}

func newPoller(parent context.Context, every time.Duration, f func()) *poller {
	ctx, cancel := context.WithCancel(parent)
	p := &poller{cancel: cancel, done: make(chan struct{})}
	go func() {
		defer close(p.done)
		tk := time.NewTicker(every)
		defer tk.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-tk.C:
				f()
			}
		}
	}()
	return p
}

func (p *poller) Close() { p.cancel(); <-p.done }

// T4 neg: AfterFunc's timer needs no Stop once it may fire.
func remindLater(d time.Duration, msg string) {
	time.AfterFunc(d, func() { log.Print(msg) })
}

// T5 TP: time.After in a select loop (go 1.19): a timer per message.
func drain(in <-chan []byte, handle func([]byte)) {
	for {
		select {
		case b, ok := <-in:
			if !ok {
				return
			}
			handle(b)
		case <-time.After(30 * time.Second): // want LH203
			log.Print("idle")
		}
	}
}

// T6 neg: the idle timeout made once, outside the loop.
func drainOnce(in <-chan []byte, handle func([]byte)) {
	deadline := time.After(5 * time.Minute)
	for {
		select {
		case b, ok := <-in:
			if !ok {
				return
			}
			handle(b)
		case <-deadline:
			return
		}
	}
}

// T7 TP: a timer left armed when the value arrives first (go 1.19).
func recvTimeout(ch <-chan int, d time.Duration) (int, error) {
	t := time.NewTimer(d) // want LH204
	select {
	case v := <-ch:
		return v, nil
	case <-t.C:
		return 0, errors.New("timeout")
	}
}

// T8 neg: a reusable timer reset per iteration and stopped by defer.
func batcher(in <-chan int, flush func([]int), d time.Duration) {
	t := time.NewTimer(d)
	defer t.Stop()
	var buf []int
	for {
		select {
		case v, ok := <-in:
			if !ok {
				flush(buf)
				return
			}
			buf = append(buf, v)
		case <-t.C:
			flush(buf)
			buf = nil
			t.Reset(d)
		}
	}
}

// T9 TP: a ticker in a goroutine never stopped when the context ends.
func heartbeat(ctx context.Context, d time.Duration, beat func()) {
	go func() {
		tk := time.NewTicker(d) // want LH201
		for {
			select {
			case <-ctx.Done():
				return
			case <-tk.C:
				beat()
			}
		}
	}()
}

// T10 TP: the cancel of each retry is overwritten; only the last one is
// called by the deferred closure.
func retryCall(parent context.Context, call func(context.Context) error) error {
	var err error
	ctx, cancel := context.WithTimeout(parent, time.Second) // want LH205 "overwritten"
	defer func() { cancel() }()
	for i := 0; i < 3; i++ {
		if err = call(ctx); err == nil {
			return nil
		}
		ctx, cancel = context.WithTimeout(parent, time.Duration(i+2)*time.Second) // want LH205 "overwritten"
	}
	return err
}

// T11 neg: the previous cancel is called before the reassignment.
func retryCallOK(parent context.Context, call func(context.Context) error) error {
	var err error
	ctx, cancel := context.WithTimeout(parent, time.Second)
	defer func() { cancel() }()
	for i := 0; i < 3; i++ {
		if err = call(ctx); err == nil {
			return nil
		}
		cancel()
		ctx, cancel = context.WithTimeout(parent, time.Duration(i+2)*time.Second)
	}
	return err
}

// T12 neg: the context and its cancel are returned together.
func scoped(parent context.Context, d time.Duration) (context.Context, context.CancelFunc) {
	ctx, cancel := context.WithTimeout(parent, d)
	return ctx, cancel
}

// T13 neg: cancels kept in a registry map under a mutex.
type jobs struct {
	mu      sync.Mutex
	cancels map[string]context.CancelFunc
}

func (j *jobs) start(parent context.Context, id string, run func(context.Context)) {
	ctx, cancel := context.WithCancel(parent)
	j.mu.Lock()
	j.cancels[id] = cancel
	j.mu.Unlock()
	go run(ctx)
}

func (j *jobs) stop(id string) {
	j.mu.Lock()
	defer j.mu.Unlock()
	if c, ok := j.cancels[id]; ok {
		c()
		delete(j.cancels, id)
	}
}

// T14 TP: cancel called only on the error branch.
func fetchQuick(parent context.Context, c *http.Client, u string) (int, error) {
	ctx, cancel := context.WithDeadline(parent, time.Now().Add(2*time.Second)) // want LH205
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		cancel()
		return 0, err
	}
	resp, err := c.Do(req)
	if err != nil {
		cancel()
		return 0, err
	}
	resp.Body.Close()
	return resp.StatusCode, nil
}

// T15 neg: os.Exit before the deferred cancel in a main-like function.
func toolMain(run func(context.Context) error) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	if err := run(ctx); err != nil {
		log.Print(err)
		os.Exit(1)
	}
}

// T16 TP: a ticker made in a function that returns on the first error.
func pollUntil(check func() (bool, error), every time.Duration) error {
	tk := time.NewTicker(every) // want LH201
	for range tk.C {
		done, err := check()
		if err != nil {
			return err
		}
		if done {
			tk.Stop()
			return nil
		}
	}
	return nil
}

// T17 neg: the ticker is stopped by a deferred method value.
func pollUntilOK(check func() (bool, error), every time.Duration) error {
	tk := time.NewTicker(every)
	stop := tk.Stop
	defer stop()
	for range tk.C {
		done, err := check()
		if err != nil || done {
			return err
		}
	}
	return nil
}

// T18 TP: time.Tick in a function that returns (go 1.19).
func waitReady(ready func() bool, limit int) bool {
	n := 0
	for range time.Tick(100 * time.Millisecond) { // want LH202
		if ready() {
			return true
		}
		n++
		if n > limit {
			return false
		}
	}
	return false
}

// T19 neg: cancel passed to a goroutine literal that defers it.
func background(parent context.Context, work func(context.Context)) {
	ctx, cancel := context.WithCancel(parent)
	go func() {
		defer cancel()
		work(ctx)
	}()
}

// T20 TP: a cancel kept in a local struct that is dropped.
type opState struct {
	ctx    context.Context
	cancel context.CancelFunc
	name   string
}

func describe(parent context.Context, name string) string {
	ctx, cancel := context.WithCancel(parent) // want LH205
	st := opState{ctx: ctx, cancel: cancel, name: name}
	return st.name + ":" + st.ctx.Err().Error()
}
