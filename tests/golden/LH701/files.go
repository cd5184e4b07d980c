// Files: leaks and look-alikes.
package lh701

import (
	"bufio"
	"encoding/json"
	"errors"
	"io"
	"log"
	"os"
	"path/filepath"
)

// Closed on success only: the decode error path leaks.
func load(path string, v any) error {
	f, err := os.Open(path) // want LH701 "not closed on every path"
	if err != nil {
		return err
	}
	if err := json.NewDecoder(f).Decode(v); err != nil {
		return err
	}
	return f.Close()
}

// bufio only borrows the file: it still needs closing.
func countLines(path string) (int, error) {
	f, err := os.Open(path) // want LH701 "never closed"
	if err != nil {
		return 0, err
	}
	sc := bufio.NewScanner(f)
	n := 0
	for sc.Scan() {
		n++
	}
	return n, sc.Err()
}

// Both ends of a pipe: the read end is forgotten.
func pipe(data []byte) error {
	r, w, err := os.Pipe() // want LH701 "pipe end"
	if err != nil {
		return err
	}
	defer w.Close()
	_, err = w.Write(data)
	_ = r.Name()
	return err
}

// Opened in a loop, closed after the loop only for the last one.
func concat(paths []string, out io.Writer) error {
	var f *os.File
	for _, p := range paths {
		var err error
		f, err = os.Open(p) // want LH701 "overwritten before it is closed"
		if err != nil {
			return err
		}
		if _, err := io.Copy(out, f); err != nil {
			return err
		}
	}
	if f != nil {
		f.Close()
	}
	return nil
}

// A temp file whose write error leaks it.
func temp(dir string, b []byte) (string, error) {
	f, err := os.CreateTemp(dir, "x-*") // want LH701
	if err != nil {
		return "", err
	}
	if _, err := f.Write(b); err != nil {
		return "", err
	}
	if err := f.Close(); err != nil {
		return "", err
	}
	return f.Name(), nil
}

// OpenFile with a goto past the close.
func appendLine(path, line string) error {
	f, err := os.OpenFile(path, os.O_APPEND|os.O_WRONLY, 0o644) // want LH701
	if err != nil {
		return err
	}
	if line == "" {
		goto out
	}
	if _, err := f.WriteString(line + "\n"); err != nil {
		f.Close()
		return err
	}
	f.Close()
out:
	return nil
}

// ---- negatives ----

func deferClose(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(f)
}

// Create, write, close with error check on every path.
func write(path string, b []byte) (err error) {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer func() {
		if cerr := f.Close(); cerr != nil && err == nil {
			err = cerr
		}
	}()
	_, err = f.Write(b)
	return err
}

// Returned to the caller.
func openLog(dir string) (*os.File, error) {
	f, err := os.OpenFile(filepath.Join(dir, "log"), os.O_CREATE|os.O_WRONLY, 0o600)
	if err != nil {
		return nil, err
	}
	return f, nil
}

// Stored in a struct that closes it.
type store struct {
	f *os.File
}

func (s *store) Close() error { return s.f.Close() }

func openStore(path string) (*store, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	return &store{f: f}, nil
}

// Both pipe ends handed on.
func pipes() (io.ReadCloser, io.WriteCloser, error) {
	r, w, err := os.Pipe()
	if err != nil {
		return nil, nil, err
	}
	return r, w, nil
}

// Closed by a helper on every path.
func closeQuietly(c io.Closer) {
	if err := c.Close(); err != nil {
		log.Print(err)
	}
}

func viaHelper(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer closeQuietly(f)
	_, err = io.Copy(io.Discard, f)
	return err
}

// The error is checked with a different name, and the file closed in a loop.
func each(paths []string) error {
	for _, p := range paths {
		f, openErr := os.Open(p)
		if openErr != nil {
			return openErr
		}
		_, err := io.Copy(io.Discard, f)
		f.Close()
		if err != nil {
			return err
		}
	}
	return nil
}

// Fatal exits.
func mustOpen(path string) *os.File {
	f, err := os.Open(path)
	if err != nil {
		log.Fatalf("open %s: %v", path, err)
	}
	return f
}

// Handed to a goroutine that closes it.
func background(path string, done chan<- error) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	go func() {
		defer f.Close()
		_, err := io.Copy(io.Discard, f)
		done <- err
	}()
	return nil
}

// Closed in both branches of an if/else.
func branches(path string, verbose bool) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	if verbose {
		log.Print(f.Name())
		return f.Close()
	} else {
		f.Close()
	}
	return errors.New("done")
}
