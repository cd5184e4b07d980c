package lh702

// Shapes from third-party code (Debian's Go sources): helpers that hand
// out only the body of a response.

import (
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"net/http/httputil"
	"os"
)

// fetchBody returns the body alone: the caller gets the thing to close,
// and closing it releases the response.
func fetchBody(c *http.Client, u string) (io.ReadCloser, error) {
	resp, err := c.Get(u)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusOK {
		resp.Body.Close()
		return nil, fmt.Errorf("GET %s: %s", u, resp.Status)
	}
	return resp.Body, nil
}

func dumpProfile(c *http.Client, u string) error {
	body, err := fetchBody(c, u)
	if err != nil {
		return err
	}
	defer body.Close()
	_, err = io.Copy(os.Stdout, body)
	return err
}

// A helper that cannot fail (it exits instead) returns the body too.
func mustFetch(u string) io.ReadCloser {
	resp, err := http.Get(u)
	if err != nil {
		log.Fatalf("GET %s: %v", u, err)
	}
	if resp.StatusCode != http.StatusOK {
		log.Fatalf("GET %s: %s", u, resp.Status)
	}
	return resp.Body
}

func download(u, dst string) {
	r := mustFetch(u)
	defer r.Close()
	b, err := io.ReadAll(r)
	if err != nil {
		log.Fatal(err)
	}
	os.WriteFile(dst, b, 0o644)
}

// The body from the helper is read and dropped: that still leaks it.
func peekProfile(c *http.Client, u string) ([]byte, error) {
	body, err := fetchBody(c, u) // want LH702 "response body is never closed"
	if err != nil {
		return nil, err
	}
	return io.ReadAll(body)
}

// Closed on one path only.
func sizeOf(u string) (int, error) {
	r := mustFetch(u) // want LH702 "not closed on every path"
	b, err := io.ReadAll(r)
	if err != nil {
		return 0, err
	}
	r.Close()
	return len(b), nil
}

// A response read over a hijacked connection (httputil.ClientConn): the
// connection, not the body, is what the caller takes over and closes.
func upgrade(conn net.Conn, req *http.Request) (net.Conn, error) {
	cc := httputil.NewClientConn(conn, nil)
	defer cc.Close()
	resp, err := cc.Do(req)
	if err != httputil.ErrPersistEOF {
		if err != nil {
			return nil, err
		}
		if resp.StatusCode != http.StatusSwitchingProtocols {
			resp.Body.Close()
			return nil, fmt.Errorf("upgrade refused: %d", resp.StatusCode)
		}
	}
	c, _ := cc.Hijack()
	return c, nil
}

// A nil check of the body before closing it: where it is nil there is
// nothing to close.
func send(c *http.Client, req *http.Request) {
	res, err := c.Do(req)
	if err != nil {
		return
	}
	if res.Body != nil {
		res.Body.Close()
	}
}

// A check of another field says nothing about the body.
func sendStatus(c *http.Client, req *http.Request) int {
	res, err := c.Do(req) // want LH702 "not closed on every path"
	if err != nil {
		return 0
	}
	if res.Header != nil {
		res.Body.Close()
	}
	return res.StatusCode
}
