// Files put into structs of another package of the module, or handed to
// its functions (issue 3): the other package's methods and functions are
// judged by their source. A struct whose Close closes the file is the
// file's owner; dropping it drops the file.
package xtypes

import (
	"io"
	"os"

	"golden/store"
)

// P1: the log is written and dropped: its file is never closed.
func appendLine(p, line string) error {
	f, err := os.OpenFile(p, os.O_APPEND|os.O_WRONLY, 0) // want LH701 "never closed"
	if err != nil {
		return err
	}
	l := &store.Log{F: f, Name: p}
	_, err = l.Write([]byte(line + "\n"))
	return err
}

// P2: a failed write returns before the log's Close.
func appendChecked(p, line string) error {
	f, err := os.OpenFile(p, os.O_APPEND|os.O_WRONLY, 0) // want LH701 "not closed on every path"
	if err != nil {
		return err
	}
	l := &store.Log{F: f, Name: p}
	if _, err := l.Write([]byte(line + "\n")); err != nil {
		return err
	}
	return l.Close()
}

// P3: Size only reads the file through the log.
func logSize(p string) int64 {
	f, err := os.Open(p) // want LH701 "never closed"
	if err != nil {
		return 0
	}
	l := store.Log{F: f}
	return l.Size()
}

// P4: the callback only reads: the file stays with the caller, which
// drops it.
func countBytes(p string) (int, error) {
	f, err := os.Open(p) // want LH701 "never closed"
	if err != nil {
		return 0, err
	}
	n := 0
	err = store.Each(f, 4, func(r io.Reader, i int) error {
		var b [1]byte
		_, err := r.Read(b[:])
		n += i
		return err
	})
	return n, err
}

// ---- negatives ----

// N1: the log's Close closes the file.
func appendDeferred(p, line string) error {
	f, err := os.OpenFile(p, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		return err
	}
	l := &store.Log{F: f, Name: p}
	defer l.Close()
	_, err = l.Write([]byte(line + "\n"))
	return err
}

// N2: the keeper hands the file to its package.
func register(p string) error {
	f, err := os.Open(p)
	if err != nil {
		return err
	}
	k := &store.Keeper{F: f}
	k.Register()
	return nil
}

// N3: the log is returned: the caller owns the file.
func openLog(p string) (*store.Log, error) {
	f, err := os.Create(p)
	if err != nil {
		return nil, err
	}
	l := store.Log{F: f, Name: p}
	return &l, nil
}

// N4: both pipe ends closed by the pair.
func pipeRoundTrip(msg string) (string, error) {
	r, w, err := os.Pipe()
	if err != nil {
		return "", err
	}
	p := &store.Pair{R: r, W: w}
	defer p.Close()
	if _, err := io.WriteString(w, msg); err != nil {
		return "", err
	}
	b := make([]byte, len(msg))
	_, err = io.ReadFull(r, b)
	return string(b), err
}

var closers []func() error

// N5: the log's Close is kept as a method value and run later.
func appendLater(p string) (*os.File, error) {
	f, err := os.Create(p)
	if err != nil {
		return nil, err
	}
	l := &store.Log{F: f}
	closers = append(closers, l.Close)
	return nil, nil
}

// N6: an interface variable holding the log is closed.
func appendVia(p, line string) error {
	f, err := os.OpenFile(p, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		return err
	}
	var wc io.WriteCloser = &store.Log{F: f}
	defer wc.Close()
	_, err = io.WriteString(wc, line)
	return err
}

// N7: the callback closes the file when done; the caller's defer closes
// it too.
func countThenClose(p string) (int, error) {
	f, err := os.Open(p)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	n := 0
	err = store.Each(f, 2, func(r io.Reader, i int) error {
		n += i
		return nil
	})
	return n, err
}

// N8: the log's name is read and the log closed on every path.
func nameOf(p string) (string, error) {
	f, err := os.Open(p)
	if err != nil {
		return "", err
	}
	l := &store.Log{F: f, Name: p}
	name := l.Name
	if err := l.Close(); err != nil {
		return "", err
	}
	return name, nil
}
