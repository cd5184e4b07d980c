// Second redteam round: shapes from the bodyclose and golangci-lint issue
// trackers (false positives users reported, and leaks the linters missed),
// written before looking at the engine. Each case says TP or neg and why.
package redteam2

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"time"
)

// R1 neg: the response comes from one of two branches of an if/else on a
// variable declared before; a single defer closes whichever it is.
func eitherBranch(c *http.Client, req *http.Request, u string, direct bool) error {
	var resp *http.Response
	var err error
	if direct {
		resp, err = c.Do(req)
		if err != nil {
			return err
		}
	} else {
		resp, err = c.Get(u)
		if err != nil {
			return fmt.Errorf("get: %w", err)
		}
	}
	defer resp.Body.Close()
	_, err = io.Copy(io.Discard, resp.Body)
	return err
}

// R2 neg: the body goes into an io.ReadCloser declared outside the if;
// the deferred Close after the if closes it.
func bodyOutsideIf(u string, cached bool) ([]byte, error) {
	var rc io.ReadCloser
	if !cached {
		resp, err := http.Get(u)
		if err != nil {
			return nil, err
		}
		rc = resp.Body
	} else {
		rc = io.NopCloser(strings.NewReader("cached"))
	}
	defer rc.Close()
	return io.ReadAll(rc)
}

// R3 neg: a local closer func taking an io.Closer, called with the body.
func localCloserFunc(u string) int {
	res, err := http.Get(u)
	if err != nil {
		return 0
	}
	closeIt := func(c io.Closer) {
		c.Close()
	}
	code := res.StatusCode
	closeIt(res.Body)
	return code
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

// R4 neg: a generic must wrapper around the call; the result is closed.
func viaMust(u string) string {
	resp := must(http.Get(u))
	defer resp.Body.Close()
	return resp.Status
}

// R5 TP: the same wrapper, nobody closes the body.
func viaMustLeak(u string) string {
	resp := must(http.Get(u)) // want LH702
	return resp.Status
}

// R6 neg: a recorder's Result is an in-memory response.
func recorderResult(h http.Handler) (string, error) {
	w := httptest.NewRecorder()
	h.ServeHTTP(w, httptest.NewRequest("GET", "/", nil))
	resp := w.Result()
	b, err := io.ReadAll(resp.Body)
	return string(b), err
}

type holder struct {
	resp *http.Response
}

func (h *holder) response() *http.Response { return h.resp }

// R7 neg: the response is stored in a field of a local struct and closed
// through an accessor method.
func closedThroughAccessor(u string) error {
	tmp := &holder{}
	var err error
	tmp.resp, err = http.Get(u)
	if err != nil {
		return err
	}
	defer tmp.response().Body.Close()
	_, err = io.ReadAll(tmp.response().Body)
	return err
}

func closeResponse(r *http.Response) {
	if r != nil && r.Body != nil {
		io.Copy(io.Discard, r.Body)
		r.Body.Close()
	}
}

// R8 neg: a health-check loop over a ticker closes the response with a
// helper on every branch (a defer would pile up in the endless loop).
func waitReady(stop <-chan struct{}, u string) bool {
	t := time.NewTicker(time.Second)
	defer t.Stop()
	for {
		select {
		case <-stop:
			return false
		case <-t.C:
			resp, err := http.Get(u)
			if err != nil {
				continue
			}
			if resp.StatusCode == http.StatusOK {
				closeResponse(resp)
				return true
			}
			closeResponse(resp)
		}
	}
}

// R9 TP: the same loop, but the ready branch returns without the helper.
func waitReadyLeak(stop <-chan struct{}, u string) bool {
	t := time.NewTicker(time.Second)
	defer t.Stop()
	for {
		select {
		case <-stop:
			return false
		case <-t.C:
			resp, err := http.Get(u) // want LH702
			if err != nil {
				continue
			}
			if resp.StatusCode == http.StatusOK {
				return true
			}
			closeResponse(resp)
		}
	}
}

// R10 TP: the response of a fire-and-forget request is dropped with `_`.
func ping(c *http.Client, req *http.Request) error {
	_, err := c.Do(req) // want LH702
	return err
}

func requireOK(resp *http.Response, err error) (*http.Response, error) {
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusOK {
		resp.Body.Close()
		return nil, fmt.Errorf("status %d", resp.StatusCode)
	}
	return resp, nil
}

// R11 neg: the call's two results are forwarded to a checker that closes
// on failure and returns the response on success; the caller closes it.
func checkedCall(c *http.Client, req *http.Request, v interface{}) error {
	resp, err := requireOK(c.Do(req))
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	return json.NewDecoder(resp.Body).Decode(v)
}

// R12 TP: the same checker; a decode error returns before the close.
func checkedCallLeak(c *http.Client, req *http.Request, v interface{}) error {
	resp, err := requireOK(c.Do(req)) // want LH702
	if err != nil {
		return err
	}
	if err := json.NewDecoder(resp.Body).Decode(v); err != nil {
		return err
	}
	resp.Body.Close()
	return nil
}

type doer interface {
	Do(*http.Request) (*http.Response, error)
}

// R13 neg: a response from an injected client interface, closed by defer.
func viaDoer(d doer, req *http.Request) (int, error) {
	resp, err := d.Do(req)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	return resp.StatusCode, nil
}

// R14 TP: the same interface; a non-200 answer returns before the defer.
func viaDoerLeak(d doer, req *http.Request) ([]byte, error) {
	resp, err := d.Do(req) // want LH702
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusOK {
		return nil, errors.New(resp.Status)
	}
	defer resp.Body.Close()
	return io.ReadAll(resp.Body)
}

// R15 neg: closed in a deferred closure that discards the error.
func deferredBlankClose(w io.Writer, u string) error {
	resp, err := http.Get(u)
	if err != nil {
		return err
	}
	defer func() { _ = resp.Body.Close() }()
	_, err = io.Copy(w, resp.Body)
	return err
}

type result struct {
	resp    *http.Response
	started time.Time
}

// R16 neg: the response leaves inside a struct the caller owns.
func startFetch(u string) (*result, error) {
	t := time.Now()
	resp, err := http.Get(u)
	if err != nil {
		return nil, err
	}
	return &result{resp: resp, started: t}, nil
}

// R17 neg: the body is handed to a goroutine that drains and closes it.
func drainAsync(u string) error {
	resp, err := http.Get(u)
	if err != nil {
		return err
	}
	go func(rc io.ReadCloser) {
		defer rc.Close()
		io.Copy(io.Discard, rc)
	}(resp.Body)
	return nil
}

// R18 TP: a retry loop reassigns the response; a 5xx answer that is
// retried is never closed.
func retryServerErrors(c *http.Client, req *http.Request) ([]byte, error) {
	var resp *http.Response
	var err error
	for i := 0; i < 3; i++ {
		resp, err = c.Do(req) // want LH702
		if err == nil && resp.StatusCode < 500 {
			break
		}
		time.Sleep(time.Duration(i) * time.Second)
	}
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	return io.ReadAll(resp.Body)
}

// R19 neg: the same loop closing the retried answer first.
func retryServerErrorsClosed(c *http.Client, req *http.Request) ([]byte, error) {
	var resp *http.Response
	var err error
	for i := 0; i < 3; i++ {
		resp, err = c.Do(req)
		if err == nil && resp.StatusCode < 500 {
			break
		}
		if err == nil && i < 2 {
			resp.Body.Close()
		}
		time.Sleep(time.Duration(i) * time.Second)
	}
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	return io.ReadAll(resp.Body)
}

// R20 TP: the error and the status are tested in one condition; a non-200
// answer returns with its body open.
func combinedCheck(u string) error {
	resp, err := http.Get(u) // want LH702
	if err != nil || resp.StatusCode != http.StatusOK {
		return fmt.Errorf("fetch %s failed", u)
	}
	defer resp.Body.Close()
	_, err = io.Copy(io.Discard, resp.Body)
	return err
}

// R21 neg: the same condition, the body closed when there is one.
func combinedCheckClosed(u string) error {
	resp, err := http.Get(u)
	if err != nil || resp.StatusCode != http.StatusOK {
		if resp != nil {
			resp.Body.Close()
		}
		return fmt.Errorf("fetch %s failed", u)
	}
	defer resp.Body.Close()
	_, err = io.Copy(io.Discard, resp.Body)
	return err
}

type logTransport struct {
	next http.RoundTripper
	log  func(string)
}

// R22 neg: a RoundTripper returns the response it got from the next one.
func (t *logTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	start := time.Now()
	resp, err := t.next.RoundTrip(r)
	if err != nil {
		return nil, err
	}
	t.log(fmt.Sprintf("%s %d %v", r.URL, resp.StatusCode, time.Since(start)))
	return resp, nil
}

type countingBody struct {
	rc io.ReadCloser
	n  int64
}

func (c *countingBody) Read(p []byte) (int, error) {
	n, err := c.rc.Read(p)
	c.n += int64(n)
	return n, err
}

func (c *countingBody) Close() error { return c.rc.Close() }

// R23 neg: the body is wrapped in a counting closer the caller closes.
func openCounted(u string) (io.ReadCloser, error) {
	resp, err := http.Get(u)
	if err != nil {
		return nil, err
	}
	return &countingBody{rc: resp.Body}, nil
}

func safeClose(label string, c io.Closer) {
	if err := c.Close(); err != nil {
		fmt.Println(label, err)
	}
}

// R24 neg: a deferred helper with a label before the closer closes it.
func labelledClose(u string) (int64, error) {
	resp, err := http.Get(u)
	if err != nil {
		return 0, err
	}
	defer safeClose("fetch", resp.Body)
	return io.Copy(io.Discard, resp.Body)
}

func drain(rc io.Reader) {
	io.Copy(io.Discard, rc)
}

// R25 TP: the deferred helper only drains the body; nothing closes it.
func drainedNotClosed(u string) (int, error) {
	resp, err := http.Get(u) // want LH702
	if err != nil {
		return 0, err
	}
	defer drain(resp.Body)
	return resp.StatusCode, nil
}

// R26 TP: each page's predecessor is closed at the top of the loop, but
// the last page's body is never closed.
func walkPages(urls []string) error {
	var resp *http.Response
	var err error
	for _, u := range urls {
		if resp != nil {
			resp.Body.Close()
		}
		resp, err = http.Get(u) // want LH702
		if err != nil {
			return err
		}
	}
	return nil
}

// R27 neg: the same loop with the last one closed after it.
func walkPagesClosed(urls []string) error {
	var resp *http.Response
	var err error
	for _, u := range urls {
		if resp != nil {
			resp.Body.Close()
		}
		resp, err = http.Get(u)
		if err != nil {
			return err
		}
	}
	if resp != nil {
		resp.Body.Close()
	}
	return nil
}
