// Correct code in the shapes that trip simpler checkers.
package lh702

import (
	"context"
	"encoding/json"
	"io"
	"log"
	"net/http"
	"os"
)

// Deferred right after the error check.
func plain(u string) ([]byte, error) {
	resp, err := http.Get(u)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	return io.ReadAll(resp.Body)
}

// if-initializer form with the close in the else branch.
func ifInit(u string) error {
	if resp, err := http.Get(u); err != nil {
		return err
	} else {
		defer resp.Body.Close()
		return json.NewDecoder(resp.Body).Decode(new(map[string]any))
	}
}

// err == nil form.
func errEqualsNil(u string) int {
	resp, err := http.Get(u)
	if err == nil {
		defer resp.Body.Close()
		return resp.StatusCode
	}
	return 0
}

// Returned to the caller: the caller owns it.
func fetch(ctx context.Context, u string) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return nil, err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, err
	}
	return resp, nil
}

// Closed by a helper that closes its parameter on every path.
func closeBody(r *http.Response) {
	io.Copy(io.Discard, r.Body)
	r.Body.Close()
}

func viaHelper(u string) int {
	resp, err := http.Get(u)
	if err != nil {
		return 0
	}
	defer closeBody(resp)
	return resp.StatusCode
}

// A helper taking the io.ReadCloser.
func safeClose(what string, c io.Closer) {
	if err := c.Close(); err != nil {
		log.Printf("closing %s: %v", what, err)
	}
}

func viaCloserHelper(u string) int {
	resp, err := http.Get(u)
	if err != nil {
		return 0
	}
	defer safeClose("body", resp.Body)
	return resp.StatusCode
}

// A deferred closure taking the body as a parameter.
func deferredClosureParam(u string) error {
	resp, err := http.Get(u)
	if err != nil {
		return err
	}
	defer func(body io.ReadCloser) {
		_ = body.Close()
	}(resp.Body)
	_, err = io.Copy(os.Stdout, resp.Body)
	return err
}

// A deferred closure capturing the response.
func deferredClosure(u string) error {
	resp, err := http.Get(u)
	if err != nil {
		return err
	}
	defer func() {
		if cerr := resp.Body.Close(); cerr != nil {
			log.Print(cerr)
		}
	}()
	return nil
}

// A goroutine owns the response.
func goroutineOwns(u string, out chan<- int) error {
	resp, err := http.Get(u)
	if err != nil {
		return err
	}
	go func() {
		defer resp.Body.Close()
		out <- resp.StatusCode
	}()
	return nil
}

// Wrapped in a struct whose Close closes it, and the wrapper returned.
type bodyReader struct {
	rc io.ReadCloser
}

func (b *bodyReader) Close() error { return b.rc.Close() }

func wrap(u string) (*bodyReader, error) {
	resp, err := http.Get(u)
	if err != nil {
		return nil, err
	}
	return &bodyReader{rc: resp.Body}, nil
}

// The body aliased to a variable declared outside the block.
func aliasOutside(u string) error {
	var rc io.ReadCloser
	{
		resp, err := http.Get(u)
		if err != nil {
			return err
		}
		rc = resp.Body
	}
	defer rc.Close()
	return nil
}

// Sent on a channel: the receiver owns it.
func sendOn(u string, ch chan<- *http.Response) error {
	resp, err := http.Get(u)
	if err != nil {
		return err
	}
	ch <- resp
	return nil
}

// Exits through log.Fatal and panic do not leak.
func fatal(u string) {
	resp, err := http.Get(u)
	if err != nil {
		log.Fatal(err)
	}
	if resp.StatusCode != 200 {
		log.Fatalf("status %d", resp.StatusCode)
	}
	if resp.ContentLength == 0 {
		panic("empty")
	}
	resp.Body.Close()
}

// Closed in every case of a switch and in a loop that drains.
func everyCase(u string) string {
	resp, err := http.Get(u)
	if err != nil {
		return ""
	}
	switch {
	case resp.StatusCode >= 500:
		resp.Body.Close()
		return "server"
	case resp.StatusCode >= 400:
		resp.Body.Close()
		return "client"
	}
	resp.Body.Close()
	return "ok"
}

// Not net/http: a cache whose Get returns (value, error).
type cache struct{ m map[string]string }

func (c *cache) Get(k string) (string, error) { return c.m[k], nil }

func notHTTP(c *cache) string {
	v, err := c.Get("k")
	if err != nil {
		return ""
	}
	return v
}

// Shadowing: the inner resp is closed, the outer is returned.
func shadow(u string) (*http.Response, error) {
	resp, err := http.Get(u)
	if err != nil {
		return nil, err
	}
	if u == "" {
		resp, err := http.Get(u + "/retry")
		if err == nil {
			resp.Body.Close()
		}
	}
	return resp, nil
}

// nil check instead of an error check.
func nilCheck(u string) {
	resp, _ := http.Get(u)
	if resp != nil {
		resp.Body.Close()
	}
}

// Stored into a field: the owner closes it.
type holder struct{ last *http.Response }

func (h *holder) keep(u string) error {
	resp, err := http.Get(u)
	if err != nil {
		return err
	}
	h.last = resp
	return nil
}
