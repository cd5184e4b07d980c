// Redteam cases (an unseen-set exercise): realistic shapes written to probe
// the path walk, half leaks and half look-alikes that are correct. Each
// case opens with a comment saying which and why.
package redteam

import (
	"archive/zip"
	"bufio"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// F1 neg: a temp file removed and closed by defers.
func scratchSum(data []byte) (int, error) {
	f, err := os.CreateTemp("", "sum-*")
	if err != nil {
		return 0, err
	}
	defer os.Remove(f.Name())
	defer f.Close()
	if _, err := f.Write(data); err != nil {
		return 0, err
	}
	return len(data), nil
}

// F2 TP: atomic write: a write error removes the temp file but never
// closes it.
func writeAtomic(dst string, data []byte) error {
	f, err := os.CreateTemp(filepath.Dir(dst), ".tmp-*") // want LH701
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		os.Remove(f.Name())
		return err
	}
	if err := f.Close(); err != nil {
		os.Remove(f.Name())
		return err
	}
	return os.Rename(f.Name(), dst)
}

// F3 neg: the same with a cleanup closure called on each failure.
func writeAtomicOK(dst string, data []byte) error {
	f, err := os.CreateTemp(filepath.Dir(dst), ".tmp-*")
	if err != nil {
		return err
	}
	fail := func(err error) error {
		f.Close()
		os.Remove(f.Name())
		return err
	}
	if _, err := f.Write(data); err != nil {
		return fail(err)
	}
	if err := f.Sync(); err != nil {
		return fail(err)
	}
	if err := f.Close(); err != nil {
		os.Remove(f.Name())
		return err
	}
	return os.Rename(f.Name(), dst)
}

// F4 neg: a buffered writer flushed, the file closed by defer.
func writeLines(path string, lines []string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer f.Close()
	w := bufio.NewWriter(f)
	for _, l := range lines {
		if _, err := fmt.Fprintln(w, l); err != nil {
			return err
		}
	}
	return w.Flush()
}

// F5 TP: only the buffered writer is handed out; nobody can close the
// file under it.
func openAppender(path string) (*bufio.Writer, error) {
	f, err := os.OpenFile(path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644) // want LH701
	if err != nil {
		return nil, err
	}
	return bufio.NewWriter(f), nil
}

// F6 neg: the writer handed out with the file's Close method value.
func openAppenderOK(path string) (*bufio.Writer, func() error, error) {
	f, err := os.OpenFile(path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
	if err != nil {
		return nil, nil, err
	}
	return bufio.NewWriter(f), f.Close, nil
}

// F7 TP: a directory listing returns on a Readdirnames error before the
// close.
func listDir(dir string) ([]string, error) {
	d, err := os.Open(dir) // want LH701
	if err != nil {
		return nil, err
	}
	names, err := d.Readdirnames(-1)
	if err != nil {
		return nil, err
	}
	d.Close()
	return names, nil
}

// F8 neg: os.ReadDir opens and closes by itself.
func countGo(dir string) (int, error) {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return 0, err
	}
	n := 0
	for _, e := range ents {
		if strings.HasSuffix(e.Name(), ".go") {
			n++
		}
	}
	return n, nil
}

// F9 neg: an io.Pipe feeding an encoder goroutine; the writer is closed
// with the error.
func encodeStream(v any, sink func(io.Reader) error) error {
	pr, pw := io.Pipe()
	go func() {
		pw.CloseWithError(json.NewEncoder(pw).Encode(v))
	}()
	err := sink(pr)
	pr.Close()
	return err
}

// F10 TP: the read end of an os.Pipe is never closed.
func selfPipe(msg string) ([]byte, error) {
	r, w, err := os.Pipe() // want LH701 "pipe end"
	if err != nil {
		return nil, err
	}
	go func() {
		io.WriteString(w, msg)
		w.Close()
	}()
	return io.ReadAll(r)
}

// F11 TP: a labeled continue skips the close of the directory.
func findMarkers(dirs []string) []string {
	var hits []string
outer:
	for _, dir := range dirs {
		d, err := os.Open(dir) // want LH701
		if err != nil {
			continue
		}
		names, _ := d.Readdirnames(-1)
		for _, n := range names {
			if n == ".skip" {
				continue outer
			}
		}
		hits = append(hits, dir)
		d.Close()
	}
	return hits
}

// F12 neg: a labeled continue after the close.
func findMarkersOK(dirs []string) []string {
	var hits []string
outer:
	for _, dir := range dirs {
		d, err := os.Open(dir)
		if err != nil {
			continue
		}
		names, _ := d.Readdirnames(-1)
		d.Close()
		for _, n := range names {
			if n == ".skip" {
				continue outer
			}
		}
		hits = append(hits, dir)
	}
	return hits
}

// F13 TP: the Close method value is taken but only called at the end;
// a stat error returns first.
func sizeOf(path string) (int64, error) {
	f, err := os.Open(path) // want LH701
	if err != nil {
		return 0, err
	}
	closeFn := f.Close
	st, err := f.Stat()
	if err != nil {
		return 0, err
	}
	return st.Size(), closeFn()
}

// F14 neg: a generic with-file helper.
func withFile[T any](path string, fn func(*os.File) (T, error)) (T, error) {
	f, err := os.Open(path)
	if err != nil {
		var zero T
		return zero, err
	}
	defer f.Close()
	return fn(f)
}

func firstLine(path string) (string, error) {
	return withFile(path, func(f *os.File) (string, error) {
		sc := bufio.NewScanner(f)
		if sc.Scan() {
			return sc.Text(), nil
		}
		return "", sc.Err()
	})
}

// F16 TP: := in the else branch shadows the outer file; the opened one
// is never closed (the deferred close sees a nil file).
func inputName(path string) (string, error) {
	var f *os.File
	if path == "-" {
		f = os.Stdin
	} else {
		f, err := os.Open(path) // want LH701
		if err != nil {
			return "", err
		}
		fmt.Fprintln(os.Stderr, "reading", f.Name())
	}
	defer f.Close()
	return f.Name(), nil
}

// F17 neg: a close-on-error helper of the same package.
func closeOnErr(c io.Closer, err *error) {
	if *err != nil {
		c.Close()
	}
}

func openChecked(path string) (f *os.File, err error) {
	f, err = os.Open(path)
	if err != nil {
		return nil, err
	}
	defer closeOnErr(f, &err)
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if st.IsDir() {
		return nil, fmt.Errorf("%s is a directory", path)
	}
	return f, nil
}

// F18 TP: gzip writer over a file; the file is closed, the gzip writer
// never (its footer is never written).
func gzipTo(path string, data []byte) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer f.Close()
	zw := gzip.NewWriter(f) // want LH707
	if _, err := zw.Write(data); err != nil {
		return err
	}
	return zw.Flush()
}

// F19 neg: gzip reader and file both closed by defers.
func gunzipFile(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, err
	}
	defer zr.Close()
	return io.ReadAll(zr)
}

// F20 TP: a zip opened, an empty archive returns before the close.
func zipNames(path string) ([]string, error) {
	zr, err := zip.OpenReader(path) // want LH707
	if err != nil {
		return nil, err
	}
	if len(zr.File) == 0 {
		return nil, fmt.Errorf("%s: empty archive", path)
	}
	defer zr.Close()
	var out []string
	for _, f := range zr.File {
		out = append(out, f.Name)
	}
	return out, nil
}

// F21 neg: files collected in a slice and closed by one deferred loop.
func openAll(paths []string) (int64, error) {
	var files []*os.File
	defer func() {
		for _, f := range files {
			f.Close()
		}
	}()
	for _, p := range paths {
		f, err := os.Open(p)
		if err != nil {
			return 0, err
		}
		files = append(files, f)
	}
	var total int64
	for _, f := range files {
		st, err := f.Stat()
		if err != nil {
			return 0, err
		}
		total += st.Size()
	}
	return total, nil
}

// F22 neg: a panic between open and close is not a leak to report; the
// normal path closes.
func mustRead(path string) []byte {
	f, err := os.Open(path)
	if err != nil {
		panic(err)
	}
	b, err := io.ReadAll(f)
	if err != nil {
		panic(fmt.Sprintf("read %s: %v", path, err))
	}
	f.Close()
	return b
}

// F23 neg: os.Exit on failure in a main-like function.
func runTool(path string) {
	f, err := os.Open(path)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	defer f.Close()
	if _, err := io.Copy(os.Stdout, f); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
