// Redteam cases (an unseen-set exercise): realistic shapes written to probe
// the path walk, half leaks and half look-alikes that are correct. Each
// case opens with a comment saying which and why.
package redteam

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"
)

var errNotFound = errors.New("not found")

// H1 TP: a 503 answer is retried without closing its body.
func fetchWithRetry(c *http.Client, u string) ([]byte, error) {
	var lastErr error
	for attempt := 0; attempt < 3; attempt++ {
		resp, err := c.Get(u) // want LH702
		if err != nil {
			lastErr = err
			continue
		}
		if resp.StatusCode == http.StatusServiceUnavailable {
			lastErr = fmt.Errorf("unavailable")
			time.Sleep(time.Second)
			continue
		}
		b, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		return b, err
	}
	return nil, lastErr
}

// H2 neg: retried answers are drained and closed; the kept one is closed
// by a deferred drain-and-close closure right before the loop returns.
func fetchRetryDrain(c *http.Client, u string) ([]byte, error) {
	for attempt := 0; ; attempt++ {
		resp, err := c.Get(u)
		if err != nil {
			if attempt >= 3 {
				return nil, err
			}
			continue
		}
		if resp.StatusCode >= 500 && attempt < 3 {
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			continue
		}
		defer func() {
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
		}()
		return io.ReadAll(resp.Body)
	}
}

// H3 TP: a proxy handler returns on a non-200 status before the defer.
func proxyHandler(c *http.Client, backend string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		req, err := http.NewRequestWithContext(r.Context(), r.Method, backend+r.URL.Path, r.Body)
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		resp, err := c.Do(req) // want LH702
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadGateway)
			return
		}
		if resp.StatusCode != http.StatusOK {
			w.WriteHeader(resp.StatusCode)
			return
		}
		defer resp.Body.Close()
		io.Copy(w, resp.Body)
	}
}

// H4 neg: a method of a client type closes the body it is handed on
// every path.
type apiClient struct {
	hc   *http.Client
	base string
}

func (a *apiClient) decode(body io.ReadCloser, status int, v any) error {
	defer body.Close()
	if status/100 != 2 {
		msg, _ := io.ReadAll(io.LimitReader(body, 512))
		return fmt.Errorf("status %d: %s", status, msg)
	}
	return json.NewDecoder(body).Decode(v)
}

func (a *apiClient) user(id string) (map[string]any, error) {
	resp, err := a.hc.Get(a.base + "/users/" + url.PathEscape(id))
	if err != nil {
		return nil, err
	}
	var m map[string]any
	if err := a.decode(resp.Body, resp.StatusCode, &m); err != nil {
		return nil, err
	}
	return m, nil
}

// H5 TP: the body is closed only inside the 200 branch.
func statusOnlyClose(u string) (string, error) {
	req, err := http.NewRequest(http.MethodGet, u, nil)
	if err != nil {
		return "", err
	}
	resp, err := http.DefaultClient.Do(req) // want LH702
	if err != nil {
		return "", err
	}
	if resp.StatusCode == http.StatusOK {
		defer resp.Body.Close()
		b, err := io.ReadAll(resp.Body)
		return string(b), err
	}
	return "", fmt.Errorf("unexpected status %s", resp.Status)
}

// H6 neg: closed when non-nil, before the error check (redirect errors
// come with a response).
func nilCheckFirst(c *http.Client, req *http.Request) (int, error) {
	resp, err := c.Do(req)
	if resp != nil {
		defer resp.Body.Close()
	}
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

// H7 neg: the body is read, closed, and replaced by an in-memory copy
// before the response is handed back.
func bufferedResponse(c *http.Client, req *http.Request) (*http.Response, error) {
	resp, err := c.Do(req)
	if err != nil {
		return nil, err
	}
	b, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err != nil {
		return nil, err
	}
	resp.Body = io.NopCloser(bytes.NewReader(b))
	return resp, nil
}

// H9 neg: one goroutine per URL, each closing its own body.
func statusAll(c *http.Client, urls []string) []int {
	var wg sync.WaitGroup
	codes := make([]int, len(urls))
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

// H10 TP: the goroutine returns on a bad status before its close.
func statusAllLeaky(c *http.Client, urls []string) []int {
	var wg sync.WaitGroup
	codes := make([]int, len(urls))
	for i, u := range urls {
		wg.Add(1)
		go func(i int, u string) {
			defer wg.Done()
			resp, err := c.Get(u) // want LH702
			if err != nil {
				return
			}
			if resp.StatusCode != http.StatusOK {
				codes[i] = -1
				return
			}
			codes[i] = resp.StatusCode
			resp.Body.Close()
		}(i, u)
	}
	wg.Wait()
	return codes
}

// H11 TP: PostForm's response dropped, only its error kept.
func notify(u string, vals url.Values) error {
	_, err := http.PostForm(u, vals) // want LH702 "discarded"
	return err
}

// H12 neg: the body goes into a struct whose Close closes it; the error
// branch closes it itself.
type download struct {
	body io.ReadCloser
	size int64
}

func (d *download) Read(p []byte) (int, error) { return d.body.Read(p) }
func (d *download) Close() error               { return d.body.Close() }

func openDownload(u string) (*download, error) {
	resp, err := http.Get(u)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusOK {
		resp.Body.Close()
		return nil, fmt.Errorf("download %s: %s", u, resp.Status)
	}
	return &download{body: resp.Body, size: resp.ContentLength}, nil
}

// H13 TP: as above, but the error branch forgets the close.
func openDownloadLeaky(u string) (*download, error) {
	resp, err := http.Get(u) // want LH702
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("download %s: %s", u, resp.Status)
	}
	return &download{body: resp.Body, size: resp.ContentLength}, nil
}

// H14 neg: the Close method value deferred through a local.
func closeByValue(u string) (int64, error) {
	resp, err := http.Get(u)
	if err != nil {
		return 0, err
	}
	closeBody := resp.Body.Close
	defer closeBody()
	return io.Copy(io.Discard, resp.Body)
}

// H15 TP: a response declared in an if statement's init, never closed.
func pingOnce(u string) bool {
	if resp, err := http.Head(u); err == nil { // want LH702
		return resp.StatusCode < 400
	}
	return false
}

// H16 TP: goto back to the request on 429 without closing the throttled
// response.
func gotoRetry(u string) (int, error) {
	n := 0
retry:
	resp, err := http.Get(u) // want LH702
	if err != nil {
		return 0, err
	}
	if resp.StatusCode == http.StatusTooManyRequests && n < 3 {
		n++
		time.Sleep(time.Duration(n) * time.Second)
		goto retry
	}
	defer resp.Body.Close()
	return resp.StatusCode, nil
}

// H17 neg: log.Fatal ends the process before the deferred close matters.
func mustFetch(u string) []byte {
	resp, err := http.Get(u)
	if err != nil {
		log.Fatal(err)
	}
	if resp.StatusCode != http.StatusOK {
		log.Fatalf("fetch %s: %s", u, resp.Status)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		log.Fatal(err)
	}
	return b
}

// H18 neg: the close error goes into the named result from a deferred
// closure.
func fetchNamed(c *http.Client, u string) (n int64, err error) {
	resp, err := c.Get(u)
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

// H19 neg: the response is sent to a consumer goroutine.
func produce(c *http.Client, urls []string, out chan<- *http.Response) error {
	for _, u := range urls {
		resp, err := c.Get(u)
		if err != nil {
			return err
		}
		out <- resp
	}
	return nil
}

// H20 TP: a switch on the status returns from the 404 case without the
// close the other cases do.
func lookup(c *http.Client, u string) ([]byte, error) {
	resp, err := c.Get(u) // want LH702
	if err != nil {
		return nil, err
	}
	switch resp.StatusCode {
	case http.StatusOK:
		defer resp.Body.Close()
		return io.ReadAll(resp.Body)
	case http.StatusNotFound:
		return nil, errNotFound
	default:
		resp.Body.Close()
		return nil, fmt.Errorf("status %d", resp.StatusCode)
	}
}

// H21 neg: a labeled break leaves both loops after the close.
func firstHealthy(c *http.Client, pools [][]string) string {
	found := ""
search:
	for _, pool := range pools {
		for _, u := range pool {
			resp, err := c.Get(u + "/healthz")
			if err != nil {
				continue
			}
			ok := resp.StatusCode == http.StatusOK
			resp.Body.Close()
			if ok {
				found = u
				break search
			}
		}
	}
	return found
}

// H22 TP: a cleanup closure is called on the error path only; the
// success path returns without it.
func cleanupClosure(u string) (string, error) {
	resp, err := http.Get(u) // want LH702
	if err != nil {
		return "", err
	}
	cleanup := func() { resp.Body.Close() }
	ct := resp.Header.Get("Content-Type")
	if !strings.HasPrefix(ct, "text/") {
		cleanup()
		return "", fmt.Errorf("bad type %q", ct)
	}
	return ct, nil
}

// H23 TP: a response from the transport's RoundTrip, never closed.
func rawRoundTrip(req *http.Request) (int, error) {
	resp, err := http.DefaultTransport.RoundTrip(req) // want LH702
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

// H24 neg: a body read through a limit reader and closed on both paths
// by hand.
func limited(c *http.Client, u string, max int64) ([]byte, error) {
	resp, err := c.Get(u)
	if err != nil {
		return nil, err
	}
	b, err := io.ReadAll(io.LimitReader(resp.Body, max))
	if err != nil {
		resp.Body.Close()
		return nil, err
	}
	if err := resp.Body.Close(); err != nil {
		return nil, err
	}
	return b, nil
}

// H25 neg: a context-timeout request; both cancel and close deferred.
func withDeadline(parent context.Context, c *http.Client, u string) (int, error) {
	ctx, cancel := context.WithTimeout(parent, 5*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return 0, err
	}
	resp, err := c.Do(req)
	if err != nil {
		return 0, err
	}
	defer func() {
		_, _ = io.Copy(io.Discard, resp.Body)
		_ = resp.Body.Close()
	}()
	return resp.StatusCode, nil
}

// H26 TP: the body is passed to a same-package helper that only reads it.
func readSome(r io.Reader) (string, error) {
	buf := make([]byte, 64)
	n, err := r.Read(buf)
	return string(buf[:n]), err
}

func peekStatus(u string) (string, error) {
	resp, err := http.Get(u) // want LH702
	if err != nil {
		return "", err
	}
	return readSome(resp.Body)
}

// H27 neg: a middleware wraps the handler; no client response involved.
func logging(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		defer r.Body.Close()
		next.ServeHTTP(w, r)
		log.Printf("%s %s %v", r.Method, r.URL, time.Since(start))
	})
}

// H28 TP: a panic recovered into the named error; the body is closed
// only on the normal path.
func decodeRecover(c *http.Client, u string, v any) (err error) {
	resp, err := c.Get(u) // want LH702
	if err != nil {
		return err
	}
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("decode panic: %v", r)
		}
	}()
	if err := json.NewDecoder(resp.Body).Decode(v); err != nil {
		return err
	}
	return resp.Body.Close()
}

// H29 neg: a cleanup closure kept in a local and deferred by name.
func cleanupDeferred(u string) (string, error) {
	resp, err := http.Get(u)
	if err != nil {
		return "", err
	}
	cleanup := func() {
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
	}
	defer cleanup()
	if resp.StatusCode != http.StatusOK {
		return "", fmt.Errorf("status %d", resp.StatusCode)
	}
	return resp.Header.Get("ETag"), nil
}

// H30 neg: a func variable declared first, assigned the closing literal,
// and called from a deferred literal.
func cleanupLater(c *http.Client, u string) (int, error) {
	var done func()
	resp, err := c.Get(u)
	if err != nil {
		return 0, err
	}
	done = func() { resp.Body.Close() }
	defer func() { done() }()
	if resp.StatusCode >= 400 {
		return 0, fmt.Errorf("status %d", resp.StatusCode)
	}
	return resp.StatusCode, nil
}

// H31 TP: the closing closure is handed to a goroutine on one branch
// only; the other branch returns with the body open.
func closeAsync(c *http.Client, u string, async bool) (int, error) {
	resp, err := c.Get(u) // want LH702 "not closed on every path"
	if err != nil {
		return 0, err
	}
	finish := func() {
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
	}
	code := resp.StatusCode
	if async {
		go finish()
		return code, nil
	}
	return code, nil
}
