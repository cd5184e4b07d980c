// Redteam cases, sixth batch: deferred closes guarded by the named error
// result, and `:=` at a function's top level reusing a named result.
package redteam

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
)

// K1 TP: the deferred close runs only when no error happened; the parse
// error return leaves the file open.
func loadPairs(path string) (m map[string]string, err error) {
	f, err := os.Open(path) // want LH701 "not closed on every path"
	if err != nil {
		return nil, err
	}
	defer func() {
		if err == nil {
			err = f.Close()
		}
	}()
	m = map[string]string{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		k, v, ok := strings.Cut(sc.Text(), "=")
		if !ok {
			return nil, fmt.Errorf("bad line %q", sc.Text())
		}
		m[k] = v
	}
	return m, sc.Err()
}

// K2 TP: a read error returned from under `if err != nil` skips the
// guarded close.
func magic(path string) (b []byte, err error) {
	f, err := os.Open(path) // want LH701 "not closed on every path"
	if err != nil {
		return nil, err
	}
	defer func() {
		if err == nil {
			err = f.Close()
		}
	}()
	b = make([]byte, 4)
	if _, err = io.ReadFull(f, b); err != nil {
		return nil, err
	}
	if string(b) == "\x00\x00\x00\x00" {
		return nil, errors.New("empty magic")
	}
	return b, nil
}

// K3 neg: the usual idiom closes always and keeps the first error.
func loadPairsOK(path string) (m map[string]string, err error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer func() {
		if cerr := f.Close(); err == nil {
			err = cerr
		}
	}()
	m = map[string]string{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		k, v, ok := strings.Cut(sc.Text(), "=")
		if !ok {
			return nil, fmt.Errorf("bad line %q", sc.Text())
		}
		m[k] = v
	}
	return m, sc.Err()
}

// K4 neg: the guarded close and only successful returns after it.
func sizeGuarded(path string) (n int64, err error) {
	f, err := os.Open(path)
	if err != nil {
		return 0, err
	}
	defer func() {
		if err == nil {
			err = f.Close()
		}
	}()
	st, statErr := f.Stat()
	if statErr == nil {
		n = st.Size()
	}
	return n, nil
}

// K5 neg: `f, err :=` at the top level of the body reuses the named
// result f: the bare return hands the file to the caller.
func scratchFile(dir string) (f *os.File) {
	f, err := os.CreateTemp(dir, "k5-*")
	if err != nil {
		panic(err)
	}
	return
}

// K6 neg: the same in a func literal with a named result.
func dialer(dir string) func() *os.File {
	return func() (f *os.File) {
		f, err := os.CreateTemp(dir, "k6-*")
		if err != nil {
			panic(err)
		}
		return
	}
}
