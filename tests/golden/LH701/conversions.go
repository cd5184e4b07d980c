// Conversions to a type of the package: the same value under another
// type, so a handle like any other (issue 3, gap 2).
package lh701

import (
	"context"
	"fmt"
	"io"
	"net"
	"os"
	"time"
)

type readCloser io.ReadCloser

type tracked os.File

func (t *tracked) Close() error { return (*os.File)(t).Close() }

type stopFunc func()

// Converted, then dropped: nobody can close it.
func convDropped(p string) error {
	f, err := os.Open(p) // want LH701 "assigned to _ and never closed"
	if err != nil {
		return err
	}
	rc := readCloser(f)
	_ = rc
	return nil
}

// The converted handle is closed on one path only.
func convOnePath(p string, short bool) ([]byte, error) {
	f, err := os.Open(p) // want LH701 "not closed on every path"
	if err != nil {
		return nil, err
	}
	rc := readCloser(f)
	if short {
		return nil, nil
	}
	defer rc.Close()
	return io.ReadAll(rc)
}

// A constructor returning the converted file: its callers own it.
func openTracked(p string) (*tracked, error) {
	f, err := os.Open(p)
	if err != nil {
		return nil, err
	}
	return (*tracked)(f), nil
}

func useTrackedLeaks(p string) error {
	t, err := openTracked(p) // want LH701 "never closed"
	if err != nil {
		return err
	}
	fmt.Fprintln(os.Stderr, "opened", t)
	return nil
}

// ---- negatives ----

// Closed through the converted handle.
func convClosed(p string) ([]byte, error) {
	f, err := os.Open(p)
	if err != nil {
		return nil, err
	}
	rc := readCloser(f)
	defer rc.Close()
	return io.ReadAll(rc)
}

// Closed in place through the conversion.
func convClosedInPlace(p string) error {
	f, err := os.Open(p)
	if err != nil {
		return err
	}
	defer readCloser(f).Close()
	return nil
}

// Returned converted: the caller owns it.
func convReturned(p string) (readCloser, error) {
	f, err := os.Open(p)
	if err != nil {
		return nil, err
	}
	return readCloser(f), nil
}

// A pointer conversion with its own Close method.
func useTracked(p string) error {
	t, err := openTracked(p)
	if err != nil {
		return err
	}
	defer t.Close()
	return nil
}

// A cancel func converted to a local func type and deferred.
func convCancel(ctx context.Context) {
	ctx, cancel := context.WithTimeout(ctx, time.Second)
	stop := stopFunc(cancel)
	defer stop()
	<-ctx.Done()
}

// Stored converted in a struct whose close method calls it.
type convJob struct{ stop stopFunc }

func (j *convJob) start(ctx context.Context) context.Context {
	ctx, cancel := context.WithCancel(ctx)
	j.stop = stopFunc(cancel)
	return ctx
}

func (j *convJob) close() { j.stop() }

// A connection kept as a map key: the map owns it.
type pool struct{ idle map[net.Conn]time.Time }

func (p *pool) add(addr string) error {
	c, err := net.Dial("tcp", addr)
	if err != nil {
		return err
	}
	p.idle[c] = time.Now()
	return nil
}

// A one-argument call of a function, not a type, is not a conversion.
func wrapFile(f *os.File) io.Reader { return f }

func keepWrapped(p string) (io.Reader, error) {
	f, err := os.Open(p)
	if err != nil {
		return nil, err
	}
	return wrapFile(f), nil
}
