// Redteam cases, third batch: helpers handing out a release func, bare
// returns, deferred calls versus deferred literals over a reassigned variable.
package redteam

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"sync"
)

// C1 neg: a nil-guarded helper closes the response.
func closeResp(resp *http.Response) {
	if resp != nil && resp.Body != nil {
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
	}
}

func statusVia(c *http.Client, u string) (int, error) {
	resp, err := c.Get(u)
	defer closeResp(resp)
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

// C2 neg: the file goes into an interface variable that is closed.
func viaInterface(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	var rc io.ReadCloser = f
	defer rc.Close()
	return io.ReadAll(rc)
}

// C3 neg: closed through a type assertion that always holds.
func viaAssertion(path string) (int64, error) {
	f, err := os.Open(path)
	if err != nil {
		return 0, err
	}
	var r io.Reader = f
	if c, ok := r.(io.Closer); ok {
		defer c.Close()
	}
	return io.Copy(io.Discard, r)
}

// C4 neg: a helper returns the file and a cleanup func closing it.
func openTemp(dir string) (*os.File, func(), error) {
	f, err := os.CreateTemp(dir, "x-*")
	if err != nil {
		return nil, nil, err
	}
	cleanup := func() {
		f.Close()
		os.Remove(f.Name())
	}
	return f, cleanup, nil
}

func useTemp(dir string, data []byte) error {
	f, cleanup, err := openTemp(dir)
	if err != nil {
		return err
	}
	defer cleanup()
	_, err = f.Write(data)
	return err
}

// C5 TP: the cleanup func from the helper is not called on the write
// error path.
func useTempLeaky(dir string, data []byte) error {
	f, cleanup, err := openTemp(dir) // want LH701 "not closed on every path"
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		return err
	}
	cleanup()
	return nil
}

// C6 neg: named results returned by a bare return hand the response to
// the caller, also on the status error.
func fetchNamed(c *http.Client, u string) (resp *http.Response, err error) {
	resp, err = c.Get(u)
	if err != nil {
		return
	}
	if resp.StatusCode != http.StatusOK {
		err = fmt.Errorf("status %s", resp.Status)
		return
	}
	return
}

// C7 TP: a bare return with the file in a local, not a result.
func headerOf(path string) (hdr []byte, err error) {
	f, err := os.Open(path) // want LH701 "not closed on every path"
	if err != nil {
		return
	}
	hdr = make([]byte, 8)
	if _, err = io.ReadFull(f, hdr); err != nil {
		return
	}
	err = f.Close()
	return
}

// C8 neg: the file goes out through a named result assigned late.
func openNamed(path string) (rc io.ReadCloser, err error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	rc = f
	return
}

// C9 neg: a literal called at once with the file as its argument.
func sizeByLiteral(path string) (int64, error) {
	f, err := os.Open(path)
	if err != nil {
		return 0, err
	}
	return func(f *os.File) (int64, error) {
		defer f.Close()
		st, err := f.Stat()
		if err != nil {
			return 0, err
		}
		return st.Size(), nil
	}(f)
}

// C10 TP: the deferred Close took the first file; the second one opened
// into the same variable is never closed.
func concatTwo(a, b string, w io.Writer) error {
	f, err := os.Open(a)
	if err != nil {
		return err
	}
	defer f.Close()
	if _, err := io.Copy(w, f); err != nil {
		return err
	}
	f, err = os.Open(b) // want LH701 "never closed"
	if err != nil {
		return err
	}
	_, err = io.Copy(w, f)
	return err
}

// C11 TP: the deferred literal closes what f holds at exit (the second
// file); the first is overwritten open.
func concatTwoLit(a, b string, w io.Writer) error {
	f, err := os.Open(a) // want LH701 "overwritten"
	if err != nil {
		return err
	}
	defer func() { f.Close() }()
	if _, err := io.Copy(w, f); err != nil {
		return err
	}
	f, err = os.Open(b)
	if err != nil {
		return err
	}
	_, err = io.Copy(w, f)
	return err
}

// C12 neg: a close guarded by sync.Once in a closure kept in a local.
func onceClose(path string, done <-chan struct{}) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	var once sync.Once
	closeIt := func() { once.Do(func() { f.Close() }) }
	defer closeIt()
	go func() {
		<-done
		closeIt()
	}()
	_, err = io.Copy(io.Discard, f)
	return err
}

// C13 TP: a literal handed to a runner acquires and leaks on a status.
func runAll(fns []func() error) error {
	for _, fn := range fns {
		if err := fn(); err != nil {
			return err
		}
	}
	return nil
}

var errBadStatus = errors.New("bad status")

func checkAll(c *http.Client, urls []string) error {
	var fns []func() error
	for _, u := range urls {
		u := u
		fns = append(fns, func() error {
			resp, err := c.Get(u) // want LH702 "not closed on every path"
			if err != nil {
				return err
			}
			if resp.StatusCode != http.StatusOK {
				return errBadStatus
			}
			return resp.Body.Close()
		})
	}
	return runAll(fns)
}

// C14 neg: a same-package constructor storing the file in the struct it
// returns; the caller closes the struct.
type logFile struct {
	f    *os.File
	path string
}

func newLogFile(f *os.File) *logFile { return &logFile{f: f, path: f.Name()} }

func (l *logFile) Close() error { return l.f.Close() }

func appendLine(dir, line string) error {
	f, err := os.OpenFile(filepath.Join(dir, "log"), os.O_APPEND|os.O_WRONLY|os.O_CREATE, 0o644)
	if err != nil {
		return err
	}
	lf := newLogFile(f)
	defer lf.Close()
	_, err = fmt.Fprintln(lf.f, line)
	return err
}

// C17 neg: a helper returns the file and its Close method value.
func openWithCloser(path string) (*os.File, func() error, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, err
	}
	return f, f.Close, nil
}

func statWithCloser(path string) (int64, error) {
	f, closeFn, err := openWithCloser(path)
	if err != nil {
		return 0, err
	}
	defer closeFn()
	st, err := f.Stat()
	if err != nil {
		return 0, err
	}
	return st.Size(), nil
}

// C18 TP: the close func is dropped on the empty-file path.
func firstByte(path string) (byte, error) {
	f, closeFn, err := openWithCloser(path) // want LH701 "not closed on every path"
	if err != nil {
		return 0, err
	}
	b := make([]byte, 1)
	if _, err := f.Read(b); err != nil {
		return 0, err
	}
	return b[0], closeFn()
}
