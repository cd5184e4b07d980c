// Second redteam round for files, written before looking at the engine.
// Each case says TP or neg and why.
package redteam2

import (
	"bufio"
	"errors"
	"io"
	"os"
	"os/exec"
	"testing"
)

type logFile struct {
	f *os.File
	w *bufio.Writer
}

func (l *logFile) Close() error {
	if err := l.w.Flush(); err != nil {
		l.f.Close()
		return err
	}
	return l.f.Close()
}

// F1 neg: the file leaves inside a wrapper struct whose Close closes it.
func openLog(p string) (*logFile, error) {
	f, err := os.OpenFile(p, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
	if err != nil {
		return nil, err
	}
	return &logFile{f: f, w: bufio.NewWriter(f)}, nil
}

var errIsDir = errors.New("is a directory")

// F2 TP: the Stat error and the directory test share one condition; a
// directory returns with the file open.
func readRegular(p string) ([]byte, error) {
	f, err := os.Open(p) // want LH701
	if err != nil {
		return nil, err
	}
	st, err := f.Stat()
	if err != nil || st.IsDir() {
		return nil, errIsDir
	}
	defer f.Close()
	return io.ReadAll(f)
}

// F3 TP: the file comes from a switch; no path closes it.
func writeMode(p, mode string, b []byte) error {
	var f *os.File
	var err error
	switch mode {
	case "append":
		f, err = os.OpenFile(p, os.O_APPEND|os.O_WRONLY, 0) // want LH701
	case "truncate":
		f, err = os.Create(p) // want LH701
	default:
		return errors.New("bad mode")
	}
	if err != nil {
		return err
	}
	_, err = f.Write(b)
	return err
}

// F4 neg: the same switch with the close deferred after it.
func writeModeClosed(p, mode string, b []byte) error {
	var f *os.File
	var err error
	switch mode {
	case "append":
		f, err = os.OpenFile(p, os.O_APPEND|os.O_WRONLY, 0)
	case "truncate":
		f, err = os.Create(p)
	default:
		return errors.New("bad mode")
	}
	if err != nil {
		return err
	}
	defer f.Close()
	_, err = f.Write(b)
	return err
}

// F5 neg: a test helper hands the close to the test's cleanup.
func tempInput(tb testing.TB, content string) *os.File {
	tb.Helper()
	f, err := os.CreateTemp(tb.TempDir(), "in")
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { f.Close() })
	if _, err := f.WriteString(content); err != nil {
		tb.Fatal(err)
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		tb.Fatal(err)
	}
	return f
}

// F6 TP: the parent keeps the write end of the pipe it gave the child;
// nothing closes it (the read then never sees EOF either).
func childOutput(name string) ([]byte, error) {
	r, w, err := os.Pipe() // want LH701
	if err != nil {
		return nil, err
	}
	defer r.Close()
	cmd := exec.Command(name)
	cmd.Stdout = w
	if err := cmd.Start(); err != nil { // want LH705
		return nil, err
	}
	out, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	return out, cmd.Wait()
}

// F7 neg: the same, closing the parent's write end after Start.
func childOutputClosed(name string) ([]byte, error) {
	r, w, err := os.Pipe()
	if err != nil {
		return nil, err
	}
	defer r.Close()
	cmd := exec.Command(name)
	cmd.Stdout = w
	err = cmd.Start() // want LH705
	w.Close()
	if err != nil {
		return nil, err
	}
	out, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	return out, cmd.Wait()
}

var errEmpty = errors.New("empty")

// F8 TP: a func literal kept in a local opens a file and returns early on
// an empty read.
func firstByteOfAll(paths []string) ([]byte, error) {
	var out []byte
	first := func(p string) (byte, error) {
		f, err := os.Open(p) // want LH701
		if err != nil {
			return 0, err
		}
		buf := make([]byte, 1)
		if n, _ := f.Read(buf); n == 0 {
			return 0, errEmpty
		}
		return buf[0], f.Close()
	}
	for _, p := range paths {
		b, err := first(p)
		if err != nil {
			return nil, err
		}
		out = append(out, b)
	}
	return out, nil
}

// F9 neg: a fallback open reassigns the file only when the first failed
// (then f was nil); one defer closes whichever opened.
func openWithFallback(primary, fallback string) ([]byte, error) {
	f, err := os.Open(primary)
	if err != nil {
		f, err = os.Open(fallback)
		if err != nil {
			return nil, err
		}
	}
	defer f.Close()
	return io.ReadAll(f)
}

// F10 TP: the fallback opens even when the primary succeeded; the first
// file is overwritten and lost.
func openBoth(primary, fallback string) ([]byte, error) {
	f, err := os.Open(primary) // want LH701
	if err == nil {
		st, _ := f.Stat()
		if st != nil && st.Size() == 0 {
			f, err = os.Open(fallback)
		}
	}
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(f)
}

func parseHeader(r io.Reader) (string, error) {
	s := bufio.NewScanner(r)
	if s.Scan() {
		return s.Text(), nil
	}
	return "", s.Err()
}

// F11 TP: opened in an if's init and handed to a same-package reader that
// does not close it.
func header(p string) (string, error) {
	if f, err := os.Open(p); err == nil { // want LH701
		return parseHeader(f)
	}
	return "", errors.New("no header")
}

// F12 neg: the same with a deferred close in the if.
func headerClosed(p string) (string, error) {
	if f, err := os.Open(p); err == nil {
		defer f.Close()
		return parseHeader(f)
	}
	return "", errors.New("no header")
}

// F13 neg: the file goes into an io.ReadCloser interface that may be
// replaced by a wrapper closing both; the deferred close covers each.
type multiCloser struct {
	io.Reader
	closers []io.Closer
}

func (m multiCloser) Close() error {
	var first error
	for _, c := range m.closers {
		if err := c.Close(); err != nil && first == nil {
			first = err
		}
	}
	return first
}

func openMaybeBuffered(p string, buffered bool) ([]byte, error) {
	f, err := os.Open(p)
	if err != nil {
		return nil, err
	}
	var rc io.ReadCloser = f
	if buffered {
		rc = multiCloser{Reader: bufio.NewReader(f), closers: []io.Closer{f}}
	}
	defer rc.Close()
	return io.ReadAll(rc)
}

type cache struct{ f *os.File }

// F14 neg: a deferred literal closes the file when the function's error
// is set; on success the file is stored in the cache.
func (c *cache) open(p string) error {
	f, err := os.Open(p)
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			f.Close()
		}
	}()
	if _, err = f.Stat(); err != nil {
		return err
	}
	c.f = f
	return nil
}

// F15 TP: the same close-on-error literal, but the success path neither
// stores nor returns the file: the error is nil there, so nothing closes it.
func checkReadable(p string) (err error) {
	f, err := os.Open(p) // want LH701
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			f.Close()
		}
	}()
	if _, err = f.Stat(); err != nil {
		return err
	}
	return nil
}

// F16 neg: the same close-on-error literal; on success a cleanup closure
// closing the file is kept in a local and handed to the caller's registry.
func openRegistered(p string, register func(func())) (err error) {
	f, err := os.Open(p)
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			f.Close()
		}
	}()
	if _, err = f.Stat(); err != nil {
		return err
	}
	cleanup := func() { f.Close() }
	register(cleanup)
	return nil
}

// F17 neg: a log file given to the child as its output, closed by defer
// after Run.
func runLogged(name, logp string) error {
	f, err := os.Create(logp)
	if err != nil {
		return err
	}
	defer f.Close()
	cmd := exec.Command(name)
	cmd.Stdout = f
	cmd.Stderr = f
	return cmd.Run()
}

// F18 TP: the command does not close the file given as its Stdout.
func runLoggedLeak(name, logp string) error {
	f, err := os.Create(logp) // want LH701
	if err != nil {
		return err
	}
	cmd := exec.Command(name)
	cmd.Stdout = f
	return cmd.Run()
}

// F19 neg: a goroutine closes the log file once the command is done.
func startLogged(name, logp string) (*exec.Cmd, error) {
	f, err := os.Create(logp)
	if err != nil {
		return nil, err
	}
	cmd := exec.Command(name)
	cmd.Stdout = f
	if err := cmd.Start(); err != nil {
		f.Close()
		return nil, err
	}
	go func() {
		cmd.Wait()
		f.Close()
	}()
	return cmd, nil
}

// F20 TP: the loop keeps only the newest file in cur; the one cur held is
// never closed.
func newestSize(paths []string) (int64, error) {
	var cur *os.File
	for _, p := range paths {
		f, err := os.Open(p) // want LH701
		if err != nil {
			continue
		}
		cur = f
	}
	if cur == nil {
		return 0, errEmpty
	}
	defer cur.Close()
	st, err := cur.Stat()
	if err != nil {
		return 0, err
	}
	return st.Size(), nil
}

// F21 neg: the same loop closing what cur held before keeping the new one.
func newestSizeClosed(paths []string) (int64, error) {
	var cur *os.File
	for _, p := range paths {
		f, err := os.Open(p)
		if err != nil {
			continue
		}
		if cur != nil {
			cur.Close()
		}
		cur = f
	}
	if cur == nil {
		return 0, errEmpty
	}
	defer cur.Close()
	st, err := cur.Stat()
	if err != nil {
		return 0, err
	}
	return st.Size(), nil
}
