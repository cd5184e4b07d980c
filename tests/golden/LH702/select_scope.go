package lh702

import (
	"context"
	"errors"
	"io"
	"log"
	"net/http"
	"os"
)

// The response is offered on a channel; the cancellation path drops it.
func offer(ctx context.Context, c *http.Client, req *http.Request, out chan<- *http.Response) error {
	resp, err := c.Do(req) // want LH702 "not closed on every path"
	if err != nil {
		return err
	}
	select {
	case out <- resp:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// The cancellation path closes it.
func offerClosed(ctx context.Context, c *http.Client, req *http.Request, out chan<- *http.Response) error {
	resp, err := c.Do(req)
	if err != nil {
		return err
	}
	select {
	case out <- resp:
		return nil
	case <-ctx.Done():
		resp.Body.Close()
		return ctx.Err()
	}
}

// Declared in the if statement; closed in its else branch.
func ifScoped(c *http.Client, req *http.Request) (int, error) {
	if resp, err := c.Do(req); err != nil {
		return 0, err
	} else {
		defer resp.Body.Close()
		return resp.StatusCode, nil
	}
}

// Declared in the if statement; the else branch forgets it.
func ifScopedLeak(c *http.Client, req *http.Request) (int, error) {
	if resp, err := c.Do(req); err != nil { // want LH702 "never closed"
		return 0, err
	} else {
		return resp.StatusCode, nil
	}
}

// The copy runs in a goroutine that only borrows the body.
func streamTo(w io.Writer, u string) error {
	resp, err := http.Get(u) // want LH702 "never closed"
	if err != nil {
		return err
	}
	go io.Copy(w, resp.Body)
	return nil
}

// The goroutine copies and closes.
func streamToClosed(w io.Writer, u string) error {
	resp, err := http.Get(u)
	if err != nil {
		return err
	}
	go func() {
		defer resp.Body.Close()
		_, _ = io.Copy(w, resp.Body)
	}()
	return nil
}

// A fatal log on the bad status ends the process.
func mustOK(u string) []byte {
	resp, err := http.Get(u)
	if err != nil {
		log.Fatal(err)
	}
	if resp.StatusCode != http.StatusOK {
		log.Fatalf("status %s", resp.Status)
	}
	b, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err != nil {
		log.Fatal(err)
	}
	return b
}

// A same-package exit helper on the bad status.
func die(msg string) {
	log.Print(msg)
	os.Exit(2)
}

func mustOKHelper(u string) []byte {
	resp, err := http.Get(u)
	if err != nil {
		die(err.Error())
	}
	if resp.StatusCode != http.StatusOK {
		die(resp.Status)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return b
}

// Checking the status and the error together: the status path leaks.
func combined(u string) error {
	resp, err := http.Get(u) // want LH702 "not closed on every path"
	if err != nil || resp.StatusCode != http.StatusOK {
		return errors.New("bad")
	}
	return resp.Body.Close()
}

// Closed before returning on the combined check.
func combinedClosed(u string) error {
	resp, err := http.Get(u)
	if err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		resp.Body.Close()
		return errors.New(resp.Status)
	}
	return resp.Body.Close()
}

// The body handed to a reader constructor of this package that keeps
// it in the struct it returns.
type lineReader struct {
	rc  io.ReadCloser
	buf []byte
}

func newLineReader(rc io.ReadCloser) *lineReader {
	return &lineReader{rc: rc, buf: make([]byte, 4096)}
}

func (l *lineReader) Close() error { return l.rc.Close() }

func lines(u string) (*lineReader, error) {
	resp, err := http.Get(u)
	if err != nil {
		return nil, err
	}
	return newLineReader(resp.Body), nil
}

// A response whose body is closed in every case of a type switch on an
// error wrapper.
func classify(c *http.Client, req *http.Request) error {
	resp, err := c.Do(req)
	if err != nil {
		return err
	}
	var e error = errors.New(resp.Status)
	switch e.(type) {
	case interface{ Timeout() bool }:
		resp.Body.Close()
		return e
	default:
		resp.Body.Close()
	}
	return nil
}

// A labelled break out of a polling loop with the body still open.
func pollUntilReady(c *http.Client, u string) error {
poll:
	for i := 0; i < 10; i++ {
		resp, err := c.Get(u) // want LH702 "not closed on every path"
		if err != nil {
			continue
		}
		switch resp.StatusCode {
		case http.StatusOK:
			break poll
		case http.StatusServiceUnavailable:
			resp.Body.Close()
			continue
		}
		resp.Body.Close()
		return errors.New(resp.Status)
	}
	return nil
}

// panic on the bad status: that path owes nothing.
func mustJSON(u string) io.ReadCloser {
	resp, err := http.Get(u)
	if err != nil {
		panic(err)
	}
	if resp.Header.Get("Content-Type") != "application/json" {
		panic("not json")
	}
	return resp.Body
}
