// File handling in a CLI and a log processor, stressing control flow:
// labelled loops, goto, fallthrough, select, type switches, panics,
// no-return calls, shadowing, closures assigning outer variables.
package lh701

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"log"
	"os"
	"path/filepath"
	"strings"
)

// A same-package opener wrapping os.Open with a nicer error.
func openInput(path string) (*os.File, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("input %s: %w", path, err)
	}
	return f, nil
}

func countMatches(path string) (int, error) {
	f, err := openInput(path) // want LH701 "not closed on every path"
	if err != nil {
		return 0, err
	}
	sc := bufio.NewScanner(f)
	n := 0
	for sc.Scan() {
		n++
	}
	if err := sc.Err(); err != nil {
		return 0, err
	}
	f.Close()
	return n, nil
}

// A labelled continue skips the close of the outer file.
func grepAll(paths []string, pat string) []string {
	var hits []string
files:
	for _, p := range paths {
		f, err := os.Open(p) // want LH701 "not closed on every path"
		if err != nil {
			continue
		}
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			if strings.Contains(sc.Text(), pat) {
				hits = append(hits, p)
				continue files
			}
		}
		f.Close()
	}
	return hits
}

// The labelled continue closes first.
func grepAllClosed(paths []string, pat string) []string {
	var hits []string
files:
	for _, p := range paths {
		f, err := os.Open(p)
		if err != nil {
			continue
		}
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			if strings.Contains(sc.Text(), pat) {
				hits = append(hits, p)
				f.Close()
				continue files
			}
		}
		f.Close()
	}
	return hits
}

// goto to a cleanup label, C style: every path passes through it.
func copyFile(dst, src string) (err error) {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	out, err := os.Create(dst)
	if err != nil {
		goto closeIn
	}
	_, err = io.Copy(out, in)
	if cerr := out.Close(); err == nil {
		err = cerr
	}
closeIn:
	in.Close()
	return err
}

// goto past the close.
func copyFileSkips(dst, src string) (err error) {
	in, err := os.Open(src) // want LH701 "not closed on every path"
	if err != nil {
		return err
	}
	out, err := os.Create(dst)
	if err != nil {
		goto done
	}
	_, err = io.Copy(out, in)
	out.Close()
	in.Close()
done:
	return err
}

// Nested backward gotos: a retry around a retry. Each round closes.
func readRetry(path string) ([]byte, error) {
	tries := 0
again:
	f, err := os.Open(path)
	if err != nil {
		tries++
		if tries < 3 {
			goto again
		}
		return nil, err
	}
	inner := 0
read:
	b, err := io.ReadAll(f)
	if err != nil && inner < 2 {
		inner++
		goto read
	}
	f.Close()
	if err != nil {
		tries++
		if tries < 3 {
			goto again
		}
		return nil, err
	}
	return b, nil
}

// Nested backward gotos where the outer retry loses the file.
func readRetryLeaky(path string) ([]byte, error) {
	tries := 0
again:
	f, err := os.Open(path) // want LH701 "overwritten"
	if err != nil {
		return nil, err
	}
	inner := 0
read:
	b, err := io.ReadAll(f)
	if err != nil && inner < 2 {
		inner++
		goto read
	}
	if err != nil {
		tries++
		if tries < 3 {
			goto again
		}
		return nil, err
	}
	f.Close()
	return b, nil
}

// fallthrough into the case that closes.
func describe(path string, mode int) string {
	f, err := os.Open(path)
	if err != nil {
		return ""
	}
	switch mode {
	case 0:
		fmt.Fprintln(os.Stderr, "mode 0")
		fallthrough
	case 1:
		f.Close()
		return "closed"
	default:
		f.Close()
	}
	return "default"
}

// fallthrough into a case that does not close.
func describeLeaky(path string, mode int) string {
	f, err := os.Open(path) // want LH701 "not closed on every path"
	if err != nil {
		return ""
	}
	switch mode {
	case 0:
		f.Close()
		fallthrough
	case 1:
		return "one"
	case 2:
		f.Close()
	}
	return "other"
}

// A type switch whose every case closes.
func closeAny(v any, path string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	switch x := v.(type) {
	case string:
		_, err = f.WriteString(x)
		f.Close()
	case []byte:
		_, err = f.Write(x)
		f.Close()
	default:
		f.Close()
		err = errors.New("unsupported")
	}
	return err
}

// A type switch: one case closes and returns, the others reach the
// close after the switch.
func writeAny(v any, path string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	switch x := v.(type) {
	case string:
		_, err = f.WriteString(x)
	case []byte:
		_, err = f.Write(x)
		f.Close()
		return err
	}
	return f.Close()
}

// A type switch whose error case returns before the close.
func writeAnyLeaky(v any, path string) error {
	f, err := os.Create(path) // want LH701 "not closed on every path"
	if err != nil {
		return err
	}
	switch x := v.(type) {
	case string:
		_, err = f.WriteString(x)
	case error:
		return x
	}
	if err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// log.Fatal on the failure path ends the process.
func mustWrite(path string, b []byte) {
	f, err := os.Create(path)
	if err != nil {
		log.Fatal(err)
	}
	if _, err := f.Write(b); err != nil {
		log.Fatalf("write %s: %v", path, err)
	}
	if err := f.Close(); err != nil {
		log.Fatal(err)
	}
}

// A panic on the short write: no leak report for the panic path.
func writeOrPanic(path string, b []byte) {
	f, err := os.Create(path)
	if err != nil {
		panic(err)
	}
	n, err := f.Write(b)
	if err != nil || n != len(b) {
		panic(fmt.Sprintf("short write to %s", path))
	}
	f.Close()
}

// Shadowing: the inner f is another variable; the outer one leaks.
func shadowed(dir string) error {
	f, err := os.Open(filepath.Join(dir, "a")) // want LH701 "never closed"
	if err != nil {
		return err
	}
	_ = f.Name()
	{
		f, err := os.Open(filepath.Join(dir, "b"))
		if err != nil {
			return err
		}
		defer f.Close()
	}
	return nil
}

// The file goes into the slice the function returns.
func openAll(paths []string) ([]*os.File, error) {
	var files []*os.File
	for _, p := range paths {
		f, err := os.Open(p)
		if err != nil {
			for _, g := range files {
				g.Close()
			}
			return nil, err
		}
		files = append(files, f)
	}
	return files, nil
}

// A select decides: the timeout path forgets the pipe's read end.
func pipeWithTimeout(done <-chan struct{}, quit <-chan struct{}) error {
	r, w, err := os.Pipe() // want LH701 "pipe end"
	if err != nil {
		return err
	}
	defer w.Close()
	select {
	case <-done:
		r.Close()
		return nil
	case <-quit:
		return errors.New("quit")
	}
}

// Both pipe ends handed to a goroutine-driven copier that closes them.
func pipeThrough(src io.Reader, sink func(io.Reader)) error {
	r, w, err := os.Pipe()
	if err != nil {
		return err
	}
	go func() {
		_, _ = io.Copy(w, src)
		w.Close()
	}()
	sink(r)
	return r.Close()
}
