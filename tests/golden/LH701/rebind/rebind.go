// Files and connections held by a variable that another branch re-points
// at a wrapper (issue 3: per-path handle state): closing the variable
// closes what it holds on each path.
package rebind

import (
	"bufio"
	"compress/gzip"
	"io"
	"net"
	"os"
	"strings"
)

// P1: on the .gz path r is the gzip reader, whose Close leaves f open.
func readMaybeGz(p string) ([]byte, error) {
	f, err := os.Open(p) // want LH701 "not closed on every path"
	if err != nil {
		return nil, err
	}
	var r io.ReadCloser = f
	if strings.HasSuffix(p, ".gz") {
		zr, err := gzip.NewReader(f)
		if err != nil {
			f.Close()
			return nil, err
		}
		r = zr
	}
	defer r.Close()
	return io.ReadAll(r)
}

// P2: the compressing path closes the gzip writer only: the connection
// stays open.
func send(addr string, msg []byte, compress bool) error {
	c, err := net.Dial("tcp", addr) // want LH704 "not closed on every path"
	if err != nil {
		return err
	}
	var w io.WriteCloser = c
	if compress {
		w = gzip.NewWriter(c)
	}
	if _, err := w.Write(msg); err != nil {
		c.Close()
		return err
	}
	return w.Close()
}

// ---- negatives ----

// N1: the file is closed by name; r only reads.
func readNamed(p string) ([]byte, error) {
	f, err := os.Open(p)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var r io.Reader = f
	if strings.HasSuffix(p, ".gz") {
		zr, err := gzip.NewReader(f)
		if err != nil {
			return nil, err
		}
		defer zr.Close()
		r = zr
	}
	return io.ReadAll(r)
}

// gzipConn closes the gzip writer (its trailer) and then the connection.
type gzipConn struct {
	zw *gzip.Writer
	c  net.Conn
}

func (g *gzipConn) Write(p []byte) (int, error) { return g.zw.Write(p) }

func (g *gzipConn) Close() error {
	err := g.zw.Close()
	if cerr := g.c.Close(); err == nil {
		err = cerr
	}
	return err
}

// N2: the compressing path wraps both in a type whose Close closes both.
func sendWrapped(addr string, msg []byte, compress bool) error {
	c, err := net.Dial("tcp", addr)
	if err != nil {
		return err
	}
	var w io.WriteCloser = c
	if compress {
		w = &gzipConn{zw: gzip.NewWriter(c), c: c}
	}
	if _, err := w.Write(msg); err != nil {
		w.Close()
		return err
	}
	return w.Close()
}

// N3: both paths end in their own close of the file.
func countLines(p string, gz bool) (int, error) {
	f, err := os.Open(p)
	if err != nil {
		return 0, err
	}
	var r io.Reader = f
	if gz {
		zr, err := gzip.NewReader(f)
		if err != nil {
			f.Close()
			return 0, err
		}
		defer zr.Close()
		r = zr
	}
	n := 0
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		n++
	}
	f.Close()
	return n, sc.Err()
}

// N4: the variable is re-pointed only after the file was closed.
func firstByte(p, q string) (byte, error) {
	f, err := os.Open(p)
	if err != nil {
		return 0, err
	}
	rc := io.ReadCloser(f)
	var b [1]byte
	_, err = rc.Read(b[:])
	rc.Close()
	if err != nil {
		rc = io.NopCloser(strings.NewReader(q))
		_, err = rc.Read(b[:])
	}
	return b[0], err
}
