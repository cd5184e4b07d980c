// Package fsutil holds file helpers other packages of the module call
// (issue 3, gap 1).
package fsutil

import (
	"io"
	"log"
	"os"
)

// CloseQuietly closes c, logging the error.
func CloseQuietly(c io.Closer) {
	if c == nil {
		return
	}
	if err := c.Close(); err != nil {
		log.Printf("close: %v", err)
	}
}

// Size only stats the file.
func Size(f *os.File) int64 {
	st, err := f.Stat()
	if err != nil {
		return -1
	}
	return st.Size()
}

// Register keeps the file open for the process.
var open = map[string]*os.File{}

func Register(name string, f *os.File) { open[name] = f }

func Unregister(name string) {
	if f, ok := open[name]; ok {
		f.Close()
		delete(open, name)
	}
}
