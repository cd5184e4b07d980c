// Ownership transfers and package-local summaries for files.
package lh701

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"sync"
)

var (
	logMu   sync.Mutex
	logFile *os.File
	openMap = map[string]*os.File{}
)

// Stored in a package-level variable: the package owns it now.
func setLog(path string) error {
	f, err := os.OpenFile(path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
	if err != nil {
		return err
	}
	logMu.Lock()
	logFile = f
	logMu.Unlock()
	return nil
}

// Stored in a map element.
func track(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	openMap[path] = f // want LH301
	return nil
}

// Returned as an io.ReadCloser in a tuple with its size.
func openSized(path string) (io.ReadCloser, int64, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, 0, err
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, 0, err
	}
	return f, st.Size(), nil
}

// The Stat error path forgets to close before returning.
func openSizedLeaky(path string) (io.ReadCloser, int64, error) {
	f, err := os.Open(path) // want LH701 "not closed on every path"
	if err != nil {
		return nil, 0, err
	}
	st, err := f.Stat()
	if err != nil {
		return nil, 0, err
	}
	return f, st.Size(), nil
}

type fileStore struct {
	mu    sync.Mutex
	files []*os.File
}

func (s *fileStore) add(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	s.mu.Lock()
	s.files = append(s.files, f)
	s.mu.Unlock()
	return nil
}

func (s *fileStore) closeAll() {
	for _, f := range s.files {
		f.Close()
	}
}

// A method that closes its argument on every path counts as a close.
func (s *fileStore) release(f *os.File) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := f.Close(); err != nil {
		fmt.Fprintln(os.Stderr, err)
	}
}

func (s *fileStore) touch(path string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer s.release(f)
	_, err = f.WriteString("x")
	return err
}

// A method that closes only on error does not.
func (s *fileStore) closeOnError(f *os.File, err error) error {
	if err != nil {
		f.Close()
	}
	return err
}

func (s *fileStore) touchLeaky(path string) error {
	f, err := os.Create(path) // want LH701 "not closed on every path"
	if err != nil {
		return err
	}
	_, err = f.WriteString("x")
	return s.closeOnError(f, err)
}

// Mutually recursive helpers that close on every path.
func closeA(f *os.File, n int) {
	if n <= 0 {
		f.Close()
		return
	}
	closeB(f, n-1)
}

func closeB(f *os.File, n int) {
	if n%2 == 0 {
		closeA(f, n)
		return
	}
	closeA(f, n-1)
}

func mutual(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	closeA(f, 3)
	return nil
}

// A helper that never returns (exits the process) ends the path.
func fatalf(format string, args ...any) {
	fmt.Fprintf(os.Stderr, format+"\n", args...)
	os.Exit(1)
}

func dumpJSON(path string, v any) {
	f, err := os.Create(path)
	if err != nil {
		fatalf("create %s: %v", path, err)
	}
	if err := json.NewEncoder(f).Encode(v); err != nil {
		fatalf("encode: %v", err)
	}
	if err := f.Close(); err != nil {
		fatalf("close: %v", err)
	}
}

// The file is closed only when the condition chain is false.
func openChecked(path string, maxSize int64) error {
	f, err := os.Open(path) // want LH701 "not closed on every path"
	if err != nil {
		return err
	}
	if st, err := f.Stat(); err != nil || st.Size() > maxSize {
		return errors.New("too big or unreadable")
	}
	return f.Close()
}

// Released through an io.Closer held in an interface variable.
func viaInterface(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	var c io.Closer = f
	defer c.Close()
	_, err = io.Copy(io.Discard, f)
	return err
}

// The file goes into an anonymous struct sent on a channel.
type job struct {
	name string
	f    *os.File
}

func enqueue(path string, jobs chan<- job) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	jobs <- job{name: path, f: f}
	return nil
}

// Handed to a borrower only, then the function returns.
func checksum(path string) (uint32, error) {
	f, err := os.Open(path) // want LH701 "never closed"
	if err != nil {
		return 0, err
	}
	var sum uint32
	buf := make([]byte, 4096)
	for {
		n, err := io.ReadFull(f, buf)
		for _, b := range buf[:n] {
			sum = sum*31 + uint32(b)
		}
		if err != nil {
			break
		}
	}
	return sum, nil
}

// Deferred close with the error joined into the named result.
func closeErr(c io.Closer, err *error) {
	if cerr := c.Close(); cerr != nil && *err == nil {
		*err = cerr
	}
}

func writeConfig(path string, b []byte) (err error) {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer closeErr(f, &err)
	_, err = f.Write(b)
	return err
}
