// Releases through same-package helpers: summaries computed per function
// and iterated to a fixed point (recursive helpers included).
package lh702

import (
	"io"
	"net/http"
)

// Two levels of helpers, the inner one closing on every path.
func closeIt(c io.Closer) { c.Close() }

func finish(r *http.Response) {
	io.Copy(io.Discard, r.Body)
	closeIt(r.Body)
}

func twoLevels(u string) int {
	resp, err := http.Get(u)
	if err != nil {
		return 0
	}
	defer finish(resp)
	return resp.StatusCode
}

// Two levels of helpers that only read: the duty stays with the caller.
func peek(r *http.Response) []byte {
	b := make([]byte, 16)
	r.Body.Read(b)
	return b
}

func sniff(r *http.Response) string { return string(peek(r)) }

func readersOnly(u string) string {
	resp, err := http.Get(u) // want LH702 "never closed"
	if err != nil {
		return ""
	}
	return sniff(resp)
}

// A recursive helper that closes on every path (its recursive call is
// resolved by iterating its summary).
func drainAll(rs []*http.Response) {
	if len(rs) == 0 {
		return
	}
	rs[0].Body.Close()
	drainAll(rs[1:])
}

func closeChain(r *http.Response, depth int) {
	if depth == 0 {
		r.Body.Close()
		return
	}
	closeChain(r, depth-1)
}

func recursive(u string) int {
	resp, err := http.Get(u)
	if err != nil {
		return 0
	}
	defer closeChain(resp, 3)
	return resp.StatusCode
}

// A helper that closes only sometimes: not a release, but it may keep the
// body (it returns it), so the caller is not blamed either.
func maybeClose(r *http.Response) io.ReadCloser {
	if r.StatusCode != 200 {
		r.Body.Close()
		return nil
	}
	return r.Body
}

func conditionalHelper(u string) io.ReadCloser {
	resp, err := http.Get(u)
	if err != nil {
		return nil
	}
	return maybeClose(resp)
}

// A method of the package that closes its argument on every path.
type fetcher struct{ c *http.Client }

func (f *fetcher) release(r *http.Response) error { return r.Body.Close() }

func (f *fetcher) get(u string) (int, error) {
	resp, err := f.c.Get(u)
	if err != nil {
		return 0, err
	}
	defer f.release(resp)
	return resp.StatusCode, nil
}

// The same method, but the early return comes before the deferred helper.
func (f *fetcher) getEarly(u string) (int, error) {
	resp, err := f.c.Get(u) // want LH702 "not closed on every path"
	if err != nil {
		return 0, err
	}
	if resp.StatusCode == http.StatusTeapot {
		return 418, nil
	}
	defer f.release(resp)
	return resp.StatusCode, nil
}

var _ = drainAll
