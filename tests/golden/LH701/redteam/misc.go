// Redteam cases: generics, closures, control flow (see files.go beside).
package redteam

import (
	"bufio"
	"context"
	"database/sql"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync"
	"time"
)

// M1 neg: a generic pool keeps what is put into it.
type closerPool[T io.Closer] struct {
	mu    sync.Mutex
	items []T
}

func (p *closerPool[T]) Put(x T) {
	p.mu.Lock()
	p.items = append(p.items, x)
	p.mu.Unlock()
}

func (p *closerPool[T]) CloseAll() {
	for _, x := range p.items {
		x.Close()
	}
}

func pooled(p *closerPool[*os.File], path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	p.Put(f)
	return nil
}

// M3 neg: a generic closing helper deferred with explicit instantiation.
func closeLogged[T io.Closer](name string, c T) {
	if err := c.Close(); err != nil {
		fmt.Fprintf(os.Stderr, "close %s: %v\n", name, err)
	}
}

func copyFile(dst, src string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer closeLogged[*os.File]("src", in)
	out, err := os.Create(dst)
	if err != nil {
		return err
	}
	defer closeLogged("dst", out)
	_, err = io.Copy(out, in)
	return err
}

// M4 neg: closers registered with a cleanup stack the caller runs.
type cleanups []func() error

func (c *cleanups) add(f func() error) { *c = append(*c, f) }

func (c cleanups) run() {
	for i := len(c) - 1; i >= 0; i-- {
		c[i]()
	}
}

func openBoth(a, b string, cs *cleanups) (*os.File, *os.File, error) {
	fa, err := os.Open(a)
	if err != nil {
		return nil, nil, err
	}
	cs.add(fa.Close)
	fb, err := os.Open(b)
	if err != nil {
		return nil, nil, err
	}
	cs.add(fb.Close)
	return fa, fb, nil
}

// M5 neg: httptest server and client response both closed.
func smokeTest(h http.Handler) (int, error) {
	srv := httptest.NewServer(h)
	defer srv.Close()
	resp, err := srv.Client().Get(srv.URL + "/health")
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	return resp.StatusCode, nil
}

// M6 TP: a response from an httptest server's client is not closed on
// the error branch of the body check.
func smokeBody(h http.Handler, want string) error {
	srv := httptest.NewServer(h)
	defer srv.Close()
	resp, err := srv.Client().Get(srv.URL) // want LH702
	if err != nil {
		return err
	}
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		return err
	}
	resp.Body.Close()
	if !strings.Contains(string(b), want) {
		return fmt.Errorf("body %q lacks %q", b, want)
	}
	return nil
}

// M7 neg: a fallthrough switch where every case reaches the close.
func classify(path string, kind int) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	label := ""
	switch kind {
	case 0:
		label = "zero-"
		fallthrough
	case 1:
		label += "small"
	default:
		label = "big"
	}
	f.Close()
	return label, nil
}

// M8 TP: a type switch returns from one case before the close.
func describeFile(v any) (string, error) {
	f, err := os.Open(fmt.Sprint(v)) // want LH701
	if err != nil {
		return "", err
	}
	switch x := v.(type) {
	case string:
		if x == "" {
			return "", fmt.Errorf("empty name")
		}
	case fmt.Stringer:
		_ = x
	}
	f.Close()
	return "ok", nil
}

// M9 neg: a connection handed to a goroutine that owns and closes it.
func pipeTo(addr string, r io.Reader, done chan<- error) error {
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		return err
	}
	go func(c net.Conn) {
		defer c.Close()
		_, err := io.Copy(c, r)
		done <- err
	}(conn)
	return nil
}

// M10 TP: a select loop returns on the quit channel with the file open.
func tailFile(path string, lines chan<- string, quit <-chan struct{}) error {
	f, err := os.Open(path) // want LH701
	if err != nil {
		return err
	}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		select {
		case lines <- sc.Text():
		case <-quit:
			return nil
		}
	}
	f.Close()
	return sc.Err()
}

// M11 neg: a named result file closed by a deferred closure when the
// function fails.
func openValidated(path string) (f *os.File, err error) {
	f, err = os.Open(path)
	if err != nil {
		return nil, err
	}
	defer func() {
		if err != nil {
			f.Close()
		}
	}()
	hdr := make([]byte, 4)
	if _, err = io.ReadFull(f, hdr); err != nil {
		return nil, err
	}
	if string(hdr) != "LHDB" {
		return nil, fmt.Errorf("%s: bad magic", path)
	}
	return f, nil
}

// M12 TP: rows acquired in a goroutine started by the function; the
// goroutine returns on a scan error without closing.
func streamIDs(ctx context.Context, db *sql.DB, out chan<- int64) {
	go func() {
		defer close(out)
		rows, err := db.QueryContext(ctx, "SELECT id FROM t") // want LH703
		if err != nil {
			return
		}
		for rows.Next() {
			var id int64
			if err := rows.Scan(&id); err != nil {
				return
			}
			out <- id
		}
		rows.Close()
	}()
}

// M13 neg: a shadowed err in an inner scope does not hide the close.
func shadowedErr(path string) (int, error) {
	f, err := os.Open(path)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	n := 0
	{
		st, err := f.Stat()
		if err != nil {
			return 0, err
		}
		n = int(st.Size())
	}
	return n, nil
}

// M14 TP: a deferred close of the wrong variable: the second file is
// never closed (copy-paste).
func concat(a, b string, w io.Writer) error {
	fa, err := os.Open(a)
	if err != nil {
		return err
	}
	defer fa.Close()
	fb, err := os.Open(b) // want LH701
	if err != nil {
		return err
	}
	defer fa.Close()
	if _, err := io.Copy(w, fa); err != nil {
		return err
	}
	_, err = io.Copy(w, fb)
	return err
}

// M15 neg: the timer's Stop result drains the channel before a Reset.
func debounce(in <-chan string, d time.Duration, out func(string)) {
	var last string
	t := time.NewTimer(d)
	defer t.Stop()
	for {
		select {
		case s, ok := <-in:
			if !ok {
				return
			}
			last = s
			if !t.Stop() {
				select {
				case <-t.C:
				default:
				}
			}
			t.Reset(d)
		case <-t.C:
			out(last)
		}
	}
}
