package lh707

// Shapes from third-party code (Debian's Go sources).

import (
	"bytes"
	"compress/gzip"
	"compress/zlib"
	"fmt"
	"io"
	"io/ioutil"
	"os"
)

// Checking that a compression level is valid: the writer writes to a
// sink that drops everything, so nothing is held and nothing is lost.
func validLevel(level int) error {
	if _, err := gzip.NewWriterLevel(ioutil.Discard, level); err != nil {
		return fmt.Errorf("gzip level %d: %v", level, err)
	}
	if _, err := zlib.NewWriterLevel(io.Discard, level); err != nil {
		return fmt.Errorf("zlib level %d: %v", level, err)
	}
	return nil
}

// Over a buffer the trailer is still owed: the compressed bytes are
// incomplete without Close.
func packNoTrailer(b []byte) []byte {
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestSpeed) // want LH707 "gzip writer is never closed"
	zw.Write(b)
	return buf.Bytes()
}

// Over a file the writer owes its trailer and the file its Close.
func packFile(name string, b []byte) error {
	f, err := os.Create(name)
	if err != nil {
		return err
	}
	defer f.Close()
	zw := gzip.NewWriter(f)
	_, err = zw.Write(b)
	if cerr := zw.Close(); err == nil {
		err = cerr
	}
	return err
}
