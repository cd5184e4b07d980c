package rtcf

import (
	"context"
	"fmt"
	"io"
	"os"
	"time"
)

// recovered panic: the function returns with f open
func recovered(p string, n int) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("recovered: %v", r)
		}
	}()
	f, err := os.Open(p) // want LH701
	if err != nil {
		return err
	}
	if bad(n) {
		panic("negative")
	}
	return f.Close()
}

// recover with the close deferred: fine
func recoveredDeferred(p string, n int) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("recovered: %v", r)
		}
	}()
	f, err := os.Open(p)
	if err != nil {
		return err
	}
	defer f.Close()
	if bad(n) {
		panic("negative")
	}
	return nil
}

// continue with label inside select in loop leaks the per-iteration file
func labeledContinue(paths <-chan string, quit <-chan struct{}) {
loop:
	for {
		select {
		case <-quit:
			return
		case p := <-paths:
			f, err := os.Open(p) // want LH701
			if err != nil {
				continue loop
			}
			if _, err := f.Stat(); err != nil {
				continue loop
			}
			f.Close()
		}
	}
}

// time.Tick evaluated in the select of a loop: a new ticker each round
func tickInSelect(quit <-chan struct{}, f func()) {
	for {
		select {
		case <-time.Tick(time.Second): // want LH202
			f()
		case <-quit:
			return
		}
	}
}

func cancelNilChecked(parent context.Context) error {
	ctx, cancel := context.WithCancel(parent)
	defer func() {
		if cancel != nil {
			cancel()
		}
	}()
	return ctx.Err()
}

func cancelsInSlice(parent context.Context, n int) {
	var cancels []context.CancelFunc
	defer func() {
		for _, c := range cancels {
			c()
		}
	}()
	for i := 0; i < n; i++ {
		ctx, cancel := context.WithCancel(parent)
		cancels = append(cancels, cancel)
		_ = ctx.Err()
	}
}

func cancelAfterFunc(parent context.Context, d time.Duration) context.Context {
	ctx, cancel := context.WithCancel(parent)
	time.AfterFunc(d, cancel)
	return ctx
}

func closerValue(p string) error {
	f, err := os.Open(p)
	if err != nil {
		return err
	}
	closer := f.Close
	defer closer()
	_, err = io.Copy(io.Discard, f)
	return err
}

func cleanupVar(p string, check bool) error {
	f, err := os.Open(p)
	if err != nil {
		return err
	}
	cleanup := func() { _ = f.Close() }
	if check {
		cleanup()
		return nil
	}
	defer cleanup()
	_, err = f.Stat()
	return err
}

func timerLoopStop(ch <-chan int, d time.Duration) int {
	t := time.NewTimer(d)
	for {
		select {
		case <-t.C:
			t.Reset(d)
		case v := <-ch:
			if !t.Stop() {
				<-t.C
			}
			return v
		}
	}
}

// switch with init closing
func switchInitClose(p string) error {
	f, err := os.Open(p)
	if err != nil {
		return err
	}
	switch err := f.Close(); {
	case err != nil:
		return err
	default:
		return nil
	}
}

// fallthrough into default that closes
func fallDefault(p string, k int) {
	f, err := os.Open(p)
	if err != nil {
		return
	}
	switch k {
	case 1:
		fmt.Println("one")
		fallthrough
	default:
		f.Close()
	}
}

// named result shadowed in an inner block
func shadowResult(p string, inner bool) (f *os.File, err error) {
	if inner {
		f, err := os.Open(p) // want LH701
		if err != nil {
			return nil, err
		}
		_, _ = f.Stat()
		return nil, nil
	}
	return os.Open(p)
}

// goroutine literal returning is not the function's exit
func goroutineReturn(p string, done <-chan struct{}) error {
	f, err := os.Open(p)
	if err != nil {
		return err
	}
	go func() {
		<-done
		if f == nil {
			return
		}
	}()
	return f.Close()
}

// The deferred recover panics again: the function does not return there.
func repanics(p string, n int) error {
	defer func() {
		if r := recover(); r != nil {
			fmt.Fprintln(os.Stderr, "panic:", r)
			panic(r)
		}
	}()
	f, err := os.Open(p)
	if err != nil {
		return err
	}
	if bad(n) {
		panic("negative")
	}
	return f.Close()
}

// A recover deferred only after the panic point does not stop it.
func recoverAfter(p string, n int) (err error) {
	f, err := os.Open(p)
	if err != nil {
		return err
	}
	if bad(n) {
		panic("negative")
	}
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%v", r)
		}
	}()
	return f.Close()
}
