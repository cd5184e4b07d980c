// Package store holds files for the package above it: types whose methods
// close, keep or only read the file in a field, and helpers taking
// callbacks.
package store

import (
	"io"
	"os"
	"sync"
)

// Log appends to a file; Close closes it.
type Log struct {
	F    *os.File
	Name string
}

// Write appends p.
func (l *Log) Write(p []byte) (int, error) { return l.F.Write(p) }

// Close closes the file.
func (l *Log) Close() error { return l.F.Close() }

// Size only reads the file.
func (l *Log) Size() int64 {
	st, err := l.F.Stat()
	if err != nil {
		return 0
	}
	return st.Size()
}

var (
	mu   sync.Mutex
	kept []*os.File
)

// Keeper hands its file to the package.
type Keeper struct {
	F *os.File
}

// Register keeps the file until Flush.
func (k *Keeper) Register() {
	mu.Lock()
	kept = append(kept, k.F)
	mu.Unlock()
}

// Flush closes every registered file.
func Flush() {
	mu.Lock()
	defer mu.Unlock()
	for _, f := range kept {
		f.Close()
	}
	kept = nil
}

// Pair closes both ends of a pipe.
type Pair struct {
	R, W *os.File
}

// Close closes both ends.
func (p *Pair) Close() error {
	p.R.Close()
	return p.W.Close()
}

// Size only reads f.
func Size(f *os.File) int64 {
	st, err := f.Stat()
	if err != nil {
		return 0
	}
	return st.Size()
}

// Each calls fn with r and each of its first n bytes' offsets: it hands r
// only to fn.
func Each(r io.Reader, n int, fn func(io.Reader, int) error) error {
	for i := 0; i < n; i++ {
		if err := fn(r, i); err != nil {
			return err
		}
	}
	return nil
}
