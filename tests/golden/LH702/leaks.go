// Leaks that look harmless: each function loses a response body on at
// least one path.
package lh702

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
)

// A return between the call and the defer.
func statusBeforeDefer(u string) ([]byte, error) {
	resp, err := http.Get(u) // want LH702 "not closed on every path"
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("status %d", resp.StatusCode)
	}
	defer resp.Body.Close()
	return io.ReadAll(resp.Body)
}

// The body is only read, never closed.
func readOnly(c *http.Client, req *http.Request) (string, error) {
	resp, err := c.Do(req) // want LH702 "never closed"
	if err != nil {
		return "", err
	}
	b, err := io.ReadAll(resp.Body)
	return string(b), err
}

// Closed on the success branch only.
func closeOnOneBranch(u string) error {
	resp, err := http.Post(u, "text/plain", strings.NewReader("x")) // want LH702
	if err != nil {
		return err
	}
	if resp.StatusCode == http.StatusNoContent {
		return nil
	}
	resp.Body.Close()
	return nil
}

// The error check is combined with a status check: the status half of
// the condition returns with an open body.
func combinedCheck(u string) error {
	resp, err := http.Head(u) // want LH702
	if err != nil || resp.StatusCode >= 400 {
		return errors.New("unreachable")
	}
	return resp.Body.Close()
}

// The response is dropped on the floor.
func dropped(u string) {
	_, _ = http.Get(u) // want LH702 "discarded"
}

// Loop: the continue path skips the close.
func loopContinue(urls []string) int {
	n := 0
	for _, u := range urls {
		resp, err := http.Get(u) // want LH702
		if err != nil {
			continue
		}
		if resp.StatusCode != 200 {
			continue
		}
		n++
		resp.Body.Close()
	}
	return n
}

// A helper that only reads the body does not close it for the caller.
func drain(r *http.Response) int64 {
	n, _ := io.Copy(io.Discard, r.Body)
	return n
}

func throughBorrowingHelper(u string) int64 {
	resp, err := http.DefaultClient.Get(u) // want LH702 "never closed"
	if err != nil {
		return 0
	}
	return drain(resp)
}

// PostForm through a client held in a struct field.
type api struct {
	hc *http.Client
}

func (a *api) send(u string, v url.Values) error {
	resp, err := a.hc.PostForm(u, v) // want LH702
	if err != nil {
		return err
	}
	if resp.StatusCode != 200 {
		return errors.New("failed")
	}
	resp.Body.Close()
	return nil
}

// The error checked under another name, then a switch that forgets one case.
func switchForgets(u string) (int, error) {
	resp, getErr := http.Get(u) // want LH702
	if getErr != nil {
		return 0, getErr
	}
	switch resp.StatusCode {
	case 200:
		resp.Body.Close()
		return 1, nil
	case 404:
		return 0, nil
	default:
		resp.Body.Close()
		return -1, nil
	}
}

// Shadowing: the inner error return forgets the outer response.
func shadowedRetry(u string) (*http.Response, error) {
	resp, err := http.Get(u) // want LH702 "not closed on every path"
	if err != nil {
		return nil, err
	}
	if resp.StatusCode == http.StatusServiceUnavailable {
		resp, err := http.Get(u)
		if err != nil {
			return nil, err
		}
		resp.Body.Close()
	}
	return resp, nil
}

// `_ = resp` silences "declared and not used" and nothing else: the body
// still needs closing, and the advice quotes the line as written.
func probeOnly(u string) error {
	resp, err := http.Get(u) // want LH702 "`_ = resp` at line [0-9]+ only silences"
	if err != nil {
		return err
	}
	_ = resp
	return nil
}
