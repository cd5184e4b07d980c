// A variable that holds the response body on one path and another reader
// on another (issue 3: per-path handle state). `defer rc.Close()` closes
// what rc holds when the defer runs: where rc was re-pointed at a gzip
// reader, the body is not closed (gzip.Reader.Close does not close the
// reader under it).
package rebind

import (
	"compress/flate"
	"compress/gzip"
	"crypto/tls"
	"io"
	"net"
	"net/http"
)

// P1: the gzip branch re-points rc; the body stays open there.
func fetchMaybeGzip(c *http.Client, u string, gz bool) ([]byte, error) {
	resp, err := c.Get(u) // want LH702 "not closed on every path"
	if err != nil {
		return nil, err
	}
	rc := resp.Body
	if gz {
		zr, err := gzip.NewReader(resp.Body)
		if err != nil {
			resp.Body.Close()
			return nil, err
		}
		rc = zr
	}
	defer rc.Close()
	return io.ReadAll(rc)
}

// P2: a declared interface variable, re-pointed in two cases of a switch.
func fetchEncoded(u, enc string) (int64, error) {
	resp, err := http.Get(u) // want LH702 "not closed on every path"
	if err != nil {
		return 0, err
	}
	var rc io.ReadCloser = resp.Body
	switch enc {
	case "gzip":
		zr, err := gzip.NewReader(resp.Body)
		if err != nil {
			resp.Body.Close()
			return 0, err
		}
		rc = zr
	case "deflate":
		rc = flate.NewReader(resp.Body)
	}
	defer rc.Close()
	return io.Copy(io.Discard, rc)
}

// P3: re-pointed through a second alias.
func fetchLimited(u string, gz bool) (int64, error) {
	resp, err := http.Get(u) // want LH702 "not closed on every path"
	if err != nil {
		return 0, err
	}
	body := resp.Body
	rc := body
	if gz {
		zr, err := gzip.NewReader(body)
		if err != nil {
			body.Close()
			return 0, err
		}
		rc = zr
	}
	n, err := io.Copy(io.Discard, rc)
	rc.Close()
	return n, err
}

// P4: a deferred closure closes what rc holds when it runs: the gzip
// reader, on the path that re-pointed rc.
func fetchLateClose(u string, gz bool) ([]byte, error) {
	resp, err := http.Get(u) // want LH702 "not closed on every path"
	if err != nil {
		return nil, err
	}
	rc := resp.Body
	defer func() { rc.Close() }()
	if gz {
		zr, err := gzip.NewReader(resp.Body)
		if err != nil {
			return nil, err
		}
		rc = zr
	}
	return io.ReadAll(rc)
}

// P5: rc is the body on the else branch only: the gzip branch leaves the
// body open.
func fetchElse(u string, gz bool) ([]byte, error) {
	resp, err := http.Get(u) // want LH702 "not closed on every path"
	if err != nil {
		return nil, err
	}
	var rc io.ReadCloser
	if gz {
		zr, err := gzip.NewReader(resp.Body)
		if err != nil {
			resp.Body.Close()
			return nil, err
		}
		rc = zr
	} else {
		rc = resp.Body
	}
	defer rc.Close()
	return io.ReadAll(rc)
}

// ---- negatives ----

// N1: the body's own defer comes first; rc closes the gzip reader.
func deferFirst(c *http.Client, u string, gz bool) ([]byte, error) {
	resp, err := c.Get(u)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	var rc io.ReadCloser = resp.Body
	if gz {
		zr, err := gzip.NewReader(resp.Body)
		if err != nil {
			return nil, err
		}
		rc = zr
	}
	defer rc.Close()
	return io.ReadAll(rc)
}

// N2: both closed: the gzip branch defers the body's close itself.
func bothClosed(u string, gz bool) ([]byte, error) {
	resp, err := http.Get(u)
	if err != nil {
		return nil, err
	}
	rc := resp.Body
	if gz {
		defer resp.Body.Close()
		zr, err := gzip.NewReader(resp.Body)
		if err != nil {
			return nil, err
		}
		rc = zr
	}
	defer rc.Close()
	return io.ReadAll(rc)
}

// gzipBody closes the gzip reader and the body under it.
type gzipBody struct {
	zr   *gzip.Reader
	body io.ReadCloser
}

func (g *gzipBody) Read(p []byte) (int, error) { return g.zr.Read(p) }

func (g *gzipBody) Close() error {
	g.zr.Close()
	return g.body.Close()
}

// N3: a wrapper of the package whose Close closes both.
func wrapped(u string, gz bool) ([]byte, error) {
	resp, err := http.Get(u)
	if err != nil {
		return nil, err
	}
	var rc io.ReadCloser = resp.Body
	if gz {
		zr, err := gzip.NewReader(resp.Body)
		if err != nil {
			resp.Body.Close()
			return nil, err
		}
		rc = &gzipBody{zr: zr, body: rc}
	}
	defer rc.Close()
	return io.ReadAll(rc)
}

// N4: re-pointed back at the body before the close.
func pointedBack(u string, peek bool) ([]byte, error) {
	resp, err := http.Get(u)
	if err != nil {
		return nil, err
	}
	rc := resp.Body
	if peek {
		zr, err := gzip.NewReader(resp.Body)
		if err == nil {
			zr.Close()
		}
		rc = resp.Body
	}
	defer rc.Close()
	return io.ReadAll(rc)
}

// N5: the defer bound the body before rc was re-pointed.
func deferBeforeRebind(u string, gz bool) ([]byte, error) {
	resp, err := http.Get(u)
	if err != nil {
		return nil, err
	}
	rc := resp.Body
	defer rc.Close()
	if gz {
		zr, err := gzip.NewReader(resp.Body)
		if err != nil {
			return nil, err
		}
		defer zr.Close()
		rc = zr
	}
	return io.ReadAll(rc)
}

// N6: the branch that re-points rc closes the body and leaves.
func closedOnTheOtherPath(u string, skip bool) ([]byte, error) {
	resp, err := http.Get(u)
	if err != nil {
		return nil, err
	}
	rc := resp.Body
	if skip {
		resp.Body.Close()
		rc = http.NoBody
		return io.ReadAll(rc)
	}
	defer rc.Close()
	return io.ReadAll(rc)
}

// N7: a deferred closure run after the re-pointing closes both.
func closureClosesBoth(u string, gz bool) ([]byte, error) {
	resp, err := http.Get(u)
	if err != nil {
		return nil, err
	}
	var rc io.ReadCloser = resp.Body
	if gz {
		zr, err := gzip.NewReader(resp.Body)
		if err != nil {
			resp.Body.Close()
			return nil, err
		}
		rc = zr
	}
	defer func() {
		rc.Close()
		if rc != resp.Body {
			resp.Body.Close()
		}
	}()
	return io.ReadAll(rc)
}

// N8: a TLS client owns the connection it wraps: closing it closes both.
func dialMaybeTLS(addr string, secure bool, cfg *tls.Config) error {
	c, err := net.Dial("tcp", addr)
	if err != nil {
		return err
	}
	if secure {
		c = tls.Client(c, cfg)
	}
	defer c.Close()
	_, err = c.Write([]byte("ping\n"))
	return err
}

// N9: the re-pointed variable is returned with the body, and the caller
// gets both.
func openBoth(u string) (io.ReadCloser, io.ReadCloser, error) {
	resp, err := http.Get(u)
	if err != nil {
		return nil, nil, err
	}
	rc := resp.Body
	zr, err := gzip.NewReader(rc)
	if err != nil {
		rc.Close()
		return nil, nil, err
	}
	body := rc
	rc = zr
	return rc, body, nil
}

// N10: the deferred closure closes rc and the body.
func lateCloseBoth(u string, gz bool) ([]byte, error) {
	resp, err := http.Get(u)
	if err != nil {
		return nil, err
	}
	rc := resp.Body
	defer func() {
		rc.Close()
		resp.Body.Close()
	}()
	if gz {
		zr, err := gzip.NewReader(resp.Body)
		if err != nil {
			return nil, err
		}
		rc = zr
	}
	return io.ReadAll(rc)
}

// N11: re-pointed at a wrapper that closes the body too, after the
// deferred closure.
func lateWrapped(u string, gz bool) ([]byte, error) {
	resp, err := http.Get(u)
	if err != nil {
		return nil, err
	}
	rc := resp.Body
	defer func() { rc.Close() }()
	if gz {
		zr, err := gzip.NewReader(resp.Body)
		if err != nil {
			return nil, err
		}
		rc = &gzipBody{zr: zr, body: rc}
	}
	return io.ReadAll(rc)
}

// N12: fetched on one branch only, into a variable tested for nil.
func fetchIf(u string, get bool) ([]byte, error) {
	var body io.ReadCloser
	if get {
		resp, err := http.Get(u)
		if err != nil {
			return nil, err
		}
		body = resp.Body
	}
	if body == nil {
		return nil, nil
	}
	defer body.Close()
	return io.ReadAll(body)
}

// N13: each branch puts its own closer in rc, the gzip one a wrapper
// closing the body too.
func fetchEachBranch(u string, gz bool) ([]byte, error) {
	resp, err := http.Get(u)
	if err != nil {
		return nil, err
	}
	var rc io.ReadCloser
	if gz {
		zr, err := gzip.NewReader(resp.Body)
		if err != nil {
			resp.Body.Close()
			return nil, err
		}
		rc = &gzipBody{zr: zr, body: resp.Body}
	} else {
		rc = resp.Body
	}
	defer rc.Close()
	return io.ReadAll(rc)
}
