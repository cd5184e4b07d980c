// Redteam cases, second batch (see http.go/sql.go beside the first).
package redteam

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httputil"
	"os"
	"time"
)

// B1 TP: the decoder only reads the body; nothing closes it.
func decodeInto(c *http.Client, u string, v any) error {
	resp, err := c.Get(u) // want LH702 "never closed"
	if err != nil {
		return err
	}
	return json.NewDecoder(resp.Body).Decode(v)
}

// B3 TP: a 304 answer returns the cached copy with the body open.
func conditionalGet(c *http.Client, req *http.Request, cached []byte) ([]byte, error) {
	resp, err := c.Do(req) // want LH702 "not closed on every path"
	if err != nil {
		return nil, err
	}
	if resp.StatusCode == http.StatusNotModified {
		return cached, nil
	}
	defer resp.Body.Close()
	return io.ReadAll(resp.Body)
}

// B4 neg: closed only when the request succeeded, with `err == nil`.
func closeOnSuccess(c *http.Client, u string) error {
	resp, err := c.Get(u)
	if err == nil {
		defer resp.Body.Close()
		_, err = io.Copy(io.Discard, resp.Body)
	}
	return err
}

// B5 TP: DumpResponse reads the body but does not close it.
func dumpIt(c *http.Client, req *http.Request) ([]byte, error) {
	resp, err := c.Do(req) // want LH702 "never closed"
	if err != nil {
		return nil, err
	}
	return httputil.DumpResponse(resp, true)
}

// B6 neg: a tee reader over the body; the body itself is closed.
func hashBody(c *http.Client, u string, w io.Writer) (int64, error) {
	resp, err := c.Get(u)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	return io.Copy(io.Discard, io.TeeReader(resp.Body, w))
}

// B7 neg: the loop keeps trying until one works; the body of the kept
// answer is closed after the loop, failed answers inside it.
func firstOK(c *http.Client, mirrors []string) ([]byte, error) {
	var resp *http.Response
	for _, m := range mirrors {
		r, err := c.Get(m)
		if err != nil {
			continue
		}
		if r.StatusCode != http.StatusOK {
			r.Body.Close()
			continue
		}
		resp = r
		break
	}
	if resp == nil {
		return nil, errors.New("no mirror answered")
	}
	defer resp.Body.Close()
	return io.ReadAll(resp.Body)
}

// B8 TP: a same-package method returning the response; the caller drops
// it on a header check.
type svc struct{ hc *http.Client }

func (s *svc) get(ctx context.Context, u string) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return nil, err
	}
	return s.hc.Do(req)
}

func (s *svc) version(ctx context.Context, u string) (string, error) {
	resp, err := s.get(ctx, u) // want LH702 "not closed on every path"
	if err != nil {
		return "", err
	}
	v := resp.Header.Get("X-Version")
	if v == "" {
		return "", errors.New("no version header")
	}
	resp.Body.Close()
	return v, nil
}

// B9 neg: goto forward to a cleanup label.
func saveBody(c *http.Client, u, path string) error {
	resp, err := c.Get(u)
	if err != nil {
		return err
	}
	f, err := os.Create(path)
	if err != nil {
		goto fail
	}
	if _, err = io.Copy(f, resp.Body); err != nil {
		f.Close()
		goto fail
	}
	resp.Body.Close()
	return f.Close()
fail:
	resp.Body.Close()
	return err
}

// B10 TP: the deferred close sits in one branch of an if; the other
// branch returns with the body open.
func maybeDefer(c *http.Client, u string, stream bool) (io.Reader, error) {
	resp, err := c.Get(u) // want LH702 "not closed on every path"
	if err != nil {
		return nil, err
	}
	if !stream {
		defer resp.Body.Close()
		b, err := io.ReadAll(resp.Body)
		if err != nil {
			return nil, err
		}
		return bytesReader(b), nil
	}
	return io.LimitReader(resp.Body, 1<<20), nil
}

type byteReader struct {
	b []byte
	i int
}

func (r *byteReader) Read(p []byte) (int, error) {
	if r.i >= len(r.b) {
		return 0, io.EOF
	}
	n := copy(p, r.b[r.i:])
	r.i += n
	return n, nil
}

func bytesReader(b []byte) io.Reader { return &byteReader{b: b} }

// B11 neg: a per-request timeout context canceled by defer and a body
// closed by defer, in a polling loop of a goroutine-free function that
// closes before each sleep.
func pollStatus(c *http.Client, u string, tries int) (int, error) {
	for i := 0; i < tries; i++ {
		resp, err := c.Get(u)
		if err != nil {
			time.Sleep(time.Second)
			continue
		}
		code := resp.StatusCode
		resp.Body.Close()
		if code == http.StatusOK {
			return code, nil
		}
		time.Sleep(time.Second)
	}
	return 0, fmt.Errorf("gave up after %d tries", tries)
}

// B12 TP: a labeled break out of the select loop skips the close; the
// stream's body is closed only when the context ends.
func watchStream(ctx context.Context, c *http.Client, u string, events chan<- []byte) error {
	resp, err := c.Get(u) // want LH702 "not closed on every path"
	if err != nil {
		return err
	}
	buf := make([]byte, 512)
loop:
	for {
		n, err := resp.Body.Read(buf)
		if err != nil {
			break loop
		}
		select {
		case events <- append([]byte(nil), buf[:n]...):
		case <-ctx.Done():
			resp.Body.Close()
			return ctx.Err()
		}
	}
	return nil
}
