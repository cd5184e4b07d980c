package lh702

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httputil"
	"sync"
)

// The body copied to a local and closed through it.
func bodyAlias(u string) ([]byte, error) {
	resp, err := http.Get(u)
	if err != nil {
		return nil, err
	}
	body := resp.Body
	defer body.Close()
	return io.ReadAll(body)
}

// Closed in a deferred closure guarded by a nil test.
func deferredNilGuard(c *http.Client, req *http.Request) (int, error) {
	resp, err := c.Do(req)
	defer func() {
		if resp != nil {
			resp.Body.Close()
		}
	}()
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

// Dumped for debugging, then closed.
func dumpThenClose(c *http.Client, req *http.Request) (string, error) {
	resp, err := c.Do(req)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	b, err := httputil.DumpResponse(resp, true)
	return string(b), err
}

// Dumped for debugging and never closed.
func dumpOnly(c *http.Client, req *http.Request) (string, error) {
	resp, err := c.Do(req) // want LH702 "never closed"
	if err != nil {
		return "", err
	}
	b, err := httputil.DumpResponse(resp, true)
	return string(b), err
}

// The response is discarded outright: only the error is looked at.
func reachable(u string) bool {
	_, err := http.Get(u) // want LH702 "discarded"
	return err == nil
}

// Fan-out with a WaitGroup: each goroutine closes its own body.
func fetchAll(c *http.Client, urls []string) []int {
	codes := make([]int, len(urls))
	var wg sync.WaitGroup
	for i, u := range urls {
		wg.Add(1)
		go func(i int, u string) {
			defer wg.Done()
			resp, err := c.Get(u)
			if err != nil {
				return
			}
			defer resp.Body.Close()
			codes[i] = resp.StatusCode
		}(i, u)
	}
	wg.Wait()
	return codes
}

// Fan-out where each goroutine forgets the body on a non-200.
func fetchAllLeaky(c *http.Client, urls []string) []int {
	codes := make([]int, len(urls))
	var wg sync.WaitGroup
	for i, u := range urls {
		wg.Add(1)
		go func(i int, u string) {
			defer wg.Done()
			resp, err := c.Get(u) // want LH702 "not closed on every path"
			if err != nil {
				return
			}
			if resp.StatusCode != http.StatusOK {
				return
			}
			codes[i] = resp.StatusCode
			resp.Body.Close()
		}(i, u)
	}
	wg.Wait()
	return codes
}

// The response goes through a result channel; the consumer closes.
type result struct {
	resp *http.Response
	err  error
}

func fetchAsync(ctx context.Context, c *http.Client, u string) <-chan result {
	ch := make(chan result, 1)
	go func() {
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
		if err != nil {
			ch <- result{err: err}
			return
		}
		resp, err := c.Do(req)
		ch <- result{resp: resp, err: err}
	}()
	return ch
}

// Reading an error body and wrapping it.
type apiError struct {
	Code int
	Body string
}

func (e *apiError) Error() string { return fmt.Sprintf("%d: %s", e.Code, e.Body) }

func checkResponse(resp *http.Response) error {
	if resp.StatusCode < 300 {
		return nil
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(io.LimitReader(resp.Body, 512))
	return &apiError{Code: resp.StatusCode, Body: string(b)}
}

// checkResponse closes only on the error path: the success path must
// close itself.
func postJSON(c *http.Client, u string, body io.Reader) error {
	resp, err := c.Post(u, "application/json", body) // want LH702 "not closed on every path"
	if err != nil {
		return err
	}
	return checkResponse(resp)
}

func postJSONClosed(c *http.Client, u string, body io.Reader) error {
	resp, err := c.Post(u, "application/json", body)
	if err != nil {
		return err
	}
	if err := checkResponse(resp); err != nil {
		return err
	}
	return resp.Body.Close()
}

// A redirect-following loop: the previous response is closed before the
// next request.
func follow(c *http.Client, u string, max int) (*http.Response, error) {
	for i := 0; i < max; i++ {
		resp, err := c.Get(u)
		if err != nil {
			return nil, err
		}
		loc := resp.Header.Get("Location")
		if loc == "" {
			return resp, nil
		}
		resp.Body.Close()
		u = loc
	}
	return nil, errors.New("too many redirects")
}

// The same loop without the close: each hop leaks a body.
func followLeaky(c *http.Client, u string, max int) (*http.Response, error) {
	for i := 0; i < max; i++ {
		resp, err := c.Get(u) // want LH702 "not closed on every path"
		if err != nil {
			return nil, err
		}
		loc := resp.Header.Get("Location")
		if loc == "" {
			return resp, nil
		}
		u = loc
	}
	return nil, errors.New("too many redirects")
}

// PostForm in a switch on the error kind.
func login(c *http.Client, u string, form map[string][]string) error {
	resp, err := c.PostForm(u, form)
	switch {
	case err != nil:
		return err
	case resp.StatusCode == http.StatusUnauthorized:
		resp.Body.Close()
		return errors.New("unauthorized")
	}
	defer resp.Body.Close()
	return nil
}

// The body is closed through a type assertion to io.Closer.
func closeViaAssert(u string) error {
	resp, err := http.Get(u)
	if err != nil {
		return err
	}
	var r io.Reader = resp.Body
	if c, ok := r.(io.Closer); ok {
		defer c.Close()
	}
	_, err = io.Copy(io.Discard, r)
	return err
}
