// An API client in the shapes bodyclose users report: retries, helpers,
// deferred closures, wrappers, responses handed on.
package lh702

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"time"
)

type apiClient struct {
	hc   *http.Client
	base string
}

// drainAndClose empties and closes the body so the connection is reused.
func drainAndClose(resp *http.Response) {
	_, _ = io.Copy(io.Discard, resp.Body)
	_ = resp.Body.Close()
}

// Closed by the drain helper on every path (deferred).
func (c *apiClient) ping(ctx context.Context) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.base+"/ping", nil)
	if err != nil {
		return err
	}
	resp, err := c.hc.Do(req)
	if err != nil {
		return err
	}
	defer drainAndClose(resp)
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("ping: %s", resp.Status)
	}
	return nil
}

// The retry loop reassigns resp: every failed attempt's body leaks.
func (c *apiClient) getWithRetry(u string) (*http.Response, error) {
	var resp *http.Response
	var err error
	for i := 0; i < 3; i++ {
		resp, err = c.hc.Get(u) // want LH702 "overwritten"
		if err == nil && resp.StatusCode < 500 {
			return resp, nil
		}
		time.Sleep(time.Duration(i) * time.Second)
	}
	return nil, err
}

// The retry loop closes the failed attempt before the next one.
func (c *apiClient) getWithRetryClosed(u string) (*http.Response, error) {
	var lastErr error
	for i := 0; i < 3; i++ {
		resp, err := c.hc.Get(u)
		if err != nil {
			lastErr = err
			continue
		}
		if resp.StatusCode >= 500 {
			drainAndClose(resp)
			lastErr = errors.New(resp.Status)
			continue
		}
		return resp, nil
	}
	return nil, lastErr
}

// `if resp != nil { defer ... }` before the error check.
func (c *apiClient) guarded(req *http.Request) ([]byte, error) {
	resp, err := c.hc.Do(req)
	if resp != nil {
		defer resp.Body.Close()
	}
	if err != nil {
		return nil, err
	}
	return io.ReadAll(resp.Body)
}

// The defer comes after a status check that returns.
func (c *apiClient) deferTooLate(u string) (map[string]any, error) {
	resp, err := c.hc.Get(u) // want LH702 "not closed on every path"
	if err != nil {
		return nil, err
	}
	if resp.StatusCode == http.StatusNotFound {
		return nil, nil
	}
	defer resp.Body.Close()
	var out map[string]any
	err = json.NewDecoder(resp.Body).Decode(&out)
	return out, err
}

// The body wrapped in a LimitReader is still the caller's to close.
func (c *apiClient) limited(u string) ([]byte, error) {
	resp, err := c.hc.Get(u) // want LH702 "never closed"
	if err != nil {
		return nil, err
	}
	return io.ReadAll(io.LimitReader(resp.Body, 1<<20))
}

// The body replaced by a NopCloser over the bytes read, original closed.
func (c *apiClient) buffered(u string) (*http.Response, error) {
	resp, err := c.hc.Get(u)
	if err != nil {
		return nil, err
	}
	b, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err != nil {
		return nil, err
	}
	resp.Body = io.NopCloser(bytesReader(b))
	return resp, nil
}

type sliceReader struct {
	b []byte
	i int
}

func (r *sliceReader) Read(p []byte) (int, error) {
	if r.i >= len(r.b) {
		return 0, io.EOF
	}
	n := copy(p, r.b[r.i:])
	r.i += n
	return n, nil
}

func bytesReader(b []byte) io.Reader { return &sliceReader{b: b} }

// A handler-side recorder response owns no connection.
func recordStatus(h http.Handler) int {
	rec := httptest.NewRecorder()
	req := httptest.NewRequest(http.MethodGet, "/", nil)
	h.ServeHTTP(rec, req)
	res := rec.Result()
	return res.StatusCode
}

// The response goes to a goroutine that closes it.
func (c *apiClient) asyncDecode(u string, out chan<- map[string]any) error {
	resp, err := c.hc.Get(u)
	if err != nil {
		return err
	}
	go func(r *http.Response) {
		defer r.Body.Close()
		var m map[string]any
		_ = json.NewDecoder(r.Body).Decode(&m)
		out <- m
	}(resp)
	return nil
}

// The response goes to a goroutine that only reads the status code.
func (c *apiClient) asyncStatus(u string, out chan<- int) error {
	resp, err := c.hc.Get(u) // want LH702 "never closed"
	if err != nil {
		return err
	}
	go func(r *http.Response) {
		out <- r.StatusCode
	}(resp)
	return nil
}

// Sent on a channel: the receiver owns it.
func (c *apiClient) fetchInto(u string, out chan<- *http.Response) error {
	resp, err := c.hc.Get(u)
	if err != nil {
		return err
	}
	out <- resp
	return nil
}

// Closed in a deferred closure that takes the response as a parameter.
func (c *apiClient) deferredParam(u string) (int, error) {
	resp, err := c.hc.Get(u)
	if err != nil {
		return 0, err
	}
	defer func(r *http.Response) {
		if cerr := r.Body.Close(); cerr != nil {
			fmt.Println(cerr)
		}
	}(resp)
	return resp.StatusCode, nil
}

// The transport is used directly: the body still needs closing.
func roundTripStatus(rt *http.Transport, req *http.Request) (int, error) {
	resp, err := rt.RoundTrip(req) // want LH702 "never closed"
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

// The error path of a method with a named result, closed in a defer that
// also records the close error.
func (c *apiClient) namedResult(u string) (n int64, err error) {
	resp, err := c.hc.Get(u)
	if err != nil {
		return 0, err
	}
	defer func() {
		if cerr := resp.Body.Close(); err == nil {
			err = cerr
		}
	}()
	return io.Copy(io.Discard, resp.Body)
}

// Head responses have bodies too.
func exists(u string) bool {
	resp, err := http.Head(u) // want LH702 "never closed"
	return err == nil && resp.StatusCode == http.StatusOK
}

// The response is closed only in the success branch of a switch.
func (c *apiClient) switchStatus(u string) error {
	resp, err := c.hc.Get(u) // want LH702 "not closed on every path"
	if err != nil {
		return err
	}
	switch resp.StatusCode {
	case http.StatusOK:
		resp.Body.Close()
		return nil
	case http.StatusNoContent:
		return nil
	default:
		resp.Body.Close()
		return errors.New(resp.Status)
	}
}

// Every case closes.
func (c *apiClient) switchAllClose(u string) error {
	resp, err := c.hc.Get(u)
	if err != nil {
		return err
	}
	switch {
	case resp.StatusCode == http.StatusOK:
		resp.Body.Close()
		return nil
	case resp.StatusCode >= 500:
		resp.Body.Close()
		return errors.New("server")
	}
	resp.Body.Close()
	return errors.New(resp.Status)
}
