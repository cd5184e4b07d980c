// Shapes reported against timakin/bodyclose and golangci-lint's bodyclose
// (false positives and false negatives), rewritten as cases: the comment
// of each function names the thread it pins.
package lh702

import (
	"context"
	"errors"
	"io"
	"log"
	"net/http"
	"net/http/httptest"
	"time"
)

// bodyclose#4: the response is returned; the caller owns the body.
func issue4get(u string) *http.Response {
	resp, _ := http.Get(u)
	return resp
}

func issue4caller(u string) {
	resp := issue4get(u)
	resp.Body.Close()
}

// bodyclose#18: closed by a local closure taking an io.Closer.
func issue18closerLit(u string) {
	res, err := http.Get(u)
	if err != nil {
		return
	}
	closeIt := func(c io.Closer) {
		c.Close()
	}
	closeIt(res.Body)
}

// bodyclose#19: the Close method value is taken and called later.
func issue19methodValue(u string) ([]byte, error) {
	resp, err := http.Get(u)
	if err != nil {
		return nil, err
	}
	closeBody := resp.Body.Close
	defer closeBody()
	return io.ReadAll(resp.Body)
}

// bodyclose#19: the method value is handed to a helper that calls it.
func keepFirst(dst *error, fn func() error) {
	err := fn()
	if *dst == nil {
		*dst = err
	}
}

func issue19passedValue(u string) (n int, err error) {
	resp, err := http.Get(u)
	if err != nil {
		return 0, err
	}
	defer keepFirst(&err, resp.Body.Close)
	b, err := io.ReadAll(resp.Body)
	return len(b), err
}

// bodyclose#19: a deferred literal called with the method value.
func issue19litArg(u string) error {
	resp, err := http.Get(u)
	if err != nil {
		return err
	}
	defer func(f func() error) { _ = f() }(resp.Body.Close)
	_, err = io.Copy(io.Discard, resp.Body)
	return err
}

// bodyclose#30, golangci-lint#574, bodyclose PR#80: closed by a helper on
// every branch of a polling loop (no defer possible in the loop).
func drainClose(body io.ReadCloser, logger *log.Logger) {
	_, _ = io.Copy(io.Discard, body)
	if err := body.Close(); err != nil {
		logger.Print(err)
	}
}

func issue30poll(u string, stop <-chan bool, logger *log.Logger) bool {
	tick := time.NewTicker(time.Second)
	defer tick.Stop()
	for {
		select {
		case <-stop:
			return false
		case <-tick.C:
			resp, err := http.Get(u)
			if err != nil {
				continue
			}
			if resp.StatusCode == http.StatusOK {
				drainClose(resp.Body, logger)
				return true
			}
			drainClose(resp.Body, logger)
		}
	}
}

// bodyclose PR#80: a helper that takes the body but does not close it.
func peekBody(body io.ReadCloser) []byte {
	b := make([]byte, 16)
	n, _ := body.Read(b)
	return b[:n]
}

func pr80helperNoClose(u string) []byte {
	resp, err := http.Get(u) // want LH702 "never closed"
	if err != nil {
		return nil
	}
	return peekBody(resp.Body)
}

// bodyclose PR#80: a helper closing through an io.Closer parameter, with
// a label argument first.
func closeNamed(label string, c io.Closer) {
	if err := c.Close(); err != nil {
		log.Printf("%s: %v", label, err)
	}
}

func pr80closerParam(u string) error {
	resp, err := http.Get(u)
	if err != nil {
		return err
	}
	defer closeNamed("get", resp.Body)
	_, err = io.Copy(io.Discard, resp.Body)
	return err
}

// bodyclose#39: closed by a function of another package: not provable,
// so no finding (its summary is unknown: treated as a hand-over).
func issue39otherPkg(u string) {
	res, _ := http.Get(u)
	defer log.New(io.Discard, "", 0).Writer().(io.Closer).Close()
	remoteClose(res.Body)
}

var remoteClose = func(c io.Closer) { c.Close() }

// bodyclose#42: the response is stored in a struct field and closed
// through a getter.
type wrapped struct {
	resp *http.Response
}

func (w *wrapped) Response() *http.Response { return w.resp }

func issue42field(u string) {
	tmp := &wrapped{}
	var err error
	tmp.resp, err = http.Get(u)
	if err != nil {
		return
	}
	defer tmp.Response().Body.Close()
}

// bodyclose#47, #59: a recorder's response owns no connection.
func issue59recorder(h http.Handler, req *http.Request) int {
	w := httptest.NewRecorder()
	h.ServeHTTP(w, req)
	resp := w.Result()
	return resp.StatusCode
}

// bodyclose#61: declared before an if, assigned on one branch, closed
// once after it.
func issue61declaredBefore(c *http.Client, req *http.Request, fallback *http.Response, a bool) error {
	var resp *http.Response
	var err error
	if a {
		resp, err = c.Do(req)
		if err != nil {
			return err
		}
	} else {
		resp = fallback
	}
	defer resp.Body.Close()
	return nil
}

// bodyclose#77: the body is copied into a variable of the outer block
// and closed there.
func issue77outerVar(u string) {
	var rc io.ReadCloser
	if u != "" {
		resp, err := http.Get(u)
		if err != nil {
			return
		}
		rc = resp.Body
	} else {
		return
	}
	defer rc.Close()
}

// golangci-lint bodyclose: `defer func(body io.ReadCloser) {...}(resp.Body)`
// (the workaround people had to remove).
func deferredLitParam(u string) error {
	resp, err := http.Get(u)
	if err != nil {
		return err
	}
	defer func(body io.ReadCloser) {
		_ = body.Close()
	}(resp.Body)
	_, err = io.ReadAll(resp.Body)
	return err
}

// `defer func() { _ = resp.Body.Close() }()`.
func deferredLitBlank(u string) error {
	resp, err := http.Get(u)
	if err != nil {
		return err
	}
	defer func() { _ = resp.Body.Close() }()
	_, err = io.ReadAll(resp.Body)
	return err
}

// Closed only when non-nil, after a combined error check.
func nilGuardedDefer(c *http.Client, req *http.Request) error {
	resp, err := c.Do(req)
	if resp != nil {
		defer resp.Body.Close()
	}
	if err != nil {
		return err
	}
	return nil
}

// The error path closes a non-nil response too (CheckRedirect errors
// return both).
func errorPathClose(c *http.Client, req *http.Request) error {
	resp, err := c.Do(req)
	if err != nil {
		if resp != nil {
			resp.Body.Close()
		}
		return err
	}
	defer resp.Body.Close()
	return nil
}

// The body goes into the struct the function returns: the caller closes.
type stream struct {
	body io.ReadCloser
	size int64
}

func openStream(ctx context.Context, u string) (*stream, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return nil, err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, err
	}
	return &stream{body: resp.Body, size: resp.ContentLength}, nil
}

// The response is handed to a same-package function that closes it on
// every path.
func consume(resp *http.Response) error {
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return errors.New(resp.Status)
	}
	_, err := io.Copy(io.Discard, resp.Body)
	return err
}

func handedToConsumer(u string) error {
	resp, err := http.Get(u)
	if err != nil {
		return err
	}
	return consume(resp)
}

// A same-package function that closes only on success: the error path
// of the caller's status check leaks.
func closeIfOK(resp *http.Response) bool {
	if resp.StatusCode != http.StatusOK {
		return false
	}
	resp.Body.Close()
	return true
}

func conditionalHelperIssue(u string) bool {
	resp, err := http.Get(u) // want LH702 "not closed on every path"
	if err != nil {
		return false
	}
	return closeIfOK(resp)
}

// The thrift shape: a non-200 status returns before the close.
func statusReturnsEarly(c *http.Client, req *http.Request) ([]byte, error) {
	resp, err := c.Do(req) // want LH702 "not closed on every path"
	if err != nil {
		return nil, err
	}
	if resp.StatusCode/100 != 2 {
		return nil, errors.New(resp.Status)
	}
	b, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	return b, err
}

// Closed by a func value kept in a local and deferred.
func closureVar(u string) error {
	resp, err := http.Get(u)
	if err != nil {
		return err
	}
	cleanup := func() {
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
	}
	defer cleanup()
	return nil
}

// A generic helper closing any io.Closer.
func closeQuiet[T io.Closer](c T) {
	_ = c.Close()
}

func genericCloser(u string) error {
	resp, err := http.Get(u)
	if err != nil {
		return err
	}
	defer closeQuiet(resp.Body)
	return nil
}

// A generic helper with explicit type arguments.
func genericExplicit(u string) error {
	resp, err := http.Get(u)
	if err != nil {
		return err
	}
	defer closeQuiet[io.ReadCloser](resp.Body)
	return nil
}

// A goroutine takes the response and closes it.
func goroutineOwner(u string, out chan<- int) {
	resp, err := http.Get(u)
	if err != nil {
		return
	}
	go func() {
		defer resp.Body.Close()
		out <- resp.StatusCode
	}()
}

// A goroutine only reads the status: nobody closes.
func goroutineReader(u string, out chan<- int) {
	resp, err := http.Get(u) // want LH702 "never closed"
	if err != nil {
		return
	}
	go func() {
		out <- resp.StatusCode
	}()
}
