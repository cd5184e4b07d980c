// Func literals with named results (issue 3; go-msgpack codecs_test.go's
// connFn): a bare return hands what the results hold to the literal's
// caller, who then owes the close.
package litresults

import (
	"errors"
	"io"
	"net"
	"os"
	"testing"
)

// ---- negatives ----

// N1: the literal opens into its named result; the caller closes.
func readVia(p string) error {
	open := func() (r io.ReadCloser, err error) {
		r, err = os.Open(p)
		return
	}
	rc, err := open()
	if err != nil {
		return err
	}
	return rc.Close()
}

// N2: `:=` at the top of the literal's body reuses the named result.
func dialVia(addr string) net.Conn {
	connFn := func() (c net.Conn) {
		c, err := net.Dial("tcp", addr)
		if err != nil {
			panic(err)
		}
		return
	}
	return connFn()
}

// N3: the literal is returned: its callers own what it opens.
func opener(p string) func() (io.ReadCloser, error) {
	return func() (r io.ReadCloser, err error) {
		var f *os.File
		f, err = os.Open(p)
		if err != nil {
			return
		}
		r = f
		return
	}
}

// N4: a test helper literal; its result is closed by a defer.
func TestDial(t *testing.T) {
	get := func() (c net.Conn) {
		c, err := net.Dial("tcp", "127.0.0.1:1")
		if err != nil {
			t.Fatal(err)
		}
		return
	}
	c := get()
	defer c.Close()
}

// N5: retried through the literal; the last try's conn goes to the
// caller through named results.
func dialRetry(addr string) (c net.Conn, err error) {
	dial := func() (c net.Conn, err error) {
		c, err = net.Dial("tcp", addr)
		return
	}
	for i := 0; i < 3; i++ {
		if c, err = dial(); err == nil {
			return
		}
	}
	return
}

// ---- positives ----

// P1: an explicit return inside the literal drops what its result holds.
func openSmall(p string, max int64) (io.ReadCloser, error) {
	open := func() (r io.ReadCloser, err error) {
		var f *os.File
		f, err = os.Open(p) // want LH701 "not closed on every path"
		if err != nil {
			return
		}
		st, err := f.Stat()
		if err != nil {
			return nil, err
		}
		if st.Size() > max {
			return nil, errors.New("too big")
		}
		r = f
		return
	}
	return open()
}

// P2: the caller of the literal reads and never closes.
func readAll(p string) ([]byte, error) {
	open := func() (f *os.File, err error) {
		f, err = os.Open(p)
		return
	}
	f, err := open() // want LH701 "never closed"
	if err != nil {
		return nil, err
	}
	return io.ReadAll(f)
}

// P3: the second fetch through the literal reuses the variable the
// first one's defer already bound: the second file is never closed.
func compare(p, q string) (bool, error) {
	open := func(name string) (f *os.File, err error) {
		f, err = os.Open(name)
		return
	}
	f, err := open(p)
	if err != nil {
		return false, err
	}
	defer f.Close()
	a, err := io.ReadAll(f)
	if err != nil {
		return false, err
	}
	f, err = open(q) // want LH701 "never closed"
	if err != nil {
		return false, err
	}
	b, err := io.ReadAll(f)
	return string(a) == string(b), err
}
