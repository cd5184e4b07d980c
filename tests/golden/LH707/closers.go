// Compress and archive readers and writers.
package lh707

import (
	"archive/zip"
	"bufio"
	"bytes"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
)

// A gzip writer never closed: the trailer is never written either.
func compress(b []byte) []byte {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf) // want LH707 "gzip writer is never closed"
	zw.Write(b)
	return buf.Bytes()
}

// A gzip reader left open on the error path.
func gunzip(r io.Reader) ([]byte, error) {
	zr, err := gzip.NewReader(r) // want LH707 "gzip reader is not closed on every path"
	if err != nil {
		return nil, err
	}
	b, err := io.ReadAll(zr)
	if err != nil {
		return nil, err
	}
	return b, zr.Close()
}

// A zip archive opened and never closed.
func names(path string) ([]string, error) {
	zr, err := zip.OpenReader(path) // want LH707 "zip file"
	if err != nil {
		return nil, err
	}
	var out []string
	for _, f := range zr.File {
		out = append(out, f.Name)
	}
	return out, nil
}

// Closing the gzip reader does not close the file under it.
func readGz(path string) ([]byte, error) {
	f, err := os.Open(path) // want LH701 "never closed"
	if err != nil {
		return nil, err
	}
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, err
	}
	defer zr.Close()
	return io.ReadAll(zr)
}

// A zlib writer whose write error skips the close: the writer holds no
// OS resource, and its trailer is worthless on a failed stream (issue 3,
// gap 7). Not reported.
func deflate(w io.Writer, b []byte) error {
	zw := zlib.NewWriter(w)
	if _, err := zw.Write(b); err != nil {
		return err
	}
	return zw.Close()
}

// flate writer over a file, dropped on the size check that reports an
// error: the output is abandoned anyway. Not reported.
func small(f *os.File, b []byte) error {
	fw, err := flate.NewWriter(f, flate.BestSpeed)
	if err != nil {
		return err
	}
	if len(b) == 0 {
		return errors.New("empty")
	}
	fw.Write(b)
	return fw.Close()
}

// A successful return that skips the close: the stream lacks its trailer.
func deflateSome(w io.Writer, b []byte, flush bool) error {
	zw := zlib.NewWriter(w) // want LH707 "zlib writer is not closed on every path"
	if _, err := zw.Write(b); err != nil {
		return fmt.Errorf("deflate: %w", err)
	}
	if !flush {
		return nil
	}
	return zw.Close()
}

// The same over memory: the early return throws the buffer away, and the
// success path closes: nothing is held but garbage.
func smallMem(b []byte) ([]byte, error) {
	var buf bytes.Buffer
	fw, err := flate.NewWriter(&buf, flate.BestSpeed)
	if err != nil {
		return nil, err
	}
	if len(b) == 0 {
		return nil, errors.New("empty")
	}
	fw.Write(b)
	fw.Close()
	return buf.Bytes(), nil
}

// ---- negatives ----

func compressOK(b []byte) ([]byte, error) {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	if _, err := zw.Write(b); err != nil {
		zw.Close()
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// File and gzip reader both closed.
func readGzOK(path string) ([]byte, error) {
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

// bufio over a file that is closed.
func firstLine(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	line, err := bufio.NewReader(f).ReadString('\n')
	return line, err
}

// Returned to the caller.
func newReader(r io.Reader) (io.ReadCloser, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, err
	}
	return zr, nil
}

// A wrapper whose Close closes both.
type gzFile struct {
	f  *os.File
	zr *gzip.Reader
}

func (g *gzFile) Close() error {
	g.zr.Close()
	return g.f.Close()
}

func openGz(path string) (*gzFile, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	zr, err := gzip.NewReader(f)
	if err != nil {
		f.Close()
		return nil, err
	}
	return &gzFile{f: f, zr: zr}, nil
}

// Zip archive closed with defer.
func count(path string) (int, error) {
	zr, err := zip.OpenReader(path)
	if err != nil {
		return 0, err
	}
	defer zr.Close()
	return len(zr.File), nil
}

// A zlib reader closed in a deferred closure.
func inflate(r io.Reader) (n int64, err error) {
	zr, err := zlib.NewReader(r)
	if err != nil {
		return 0, err
	}
	defer func() {
		if cerr := zr.Close(); err == nil {
			err = cerr
		}
	}()
	return io.Copy(io.Discard, zr)
}

// A gzip reader over an in-memory reader: its Close releases nothing
// (compress readers hold no OS resource), so an early return owes nothing.
func gunzipBytes(b []byte) ([]byte, error) {
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		return nil, err
	}
	out, err := io.ReadAll(zr)
	if err != nil {
		return nil, err
	}
	return out, nil
}

// A zlib reader over a strings.Reader kept in a local, never closed.
func inflateString(s string) ([]byte, error) {
	src := strings.NewReader(s)
	zr, err := zlib.NewReader(src)
	if err != nil {
		return nil, err
	}
	return io.ReadAll(zr)
}

// A gzip writer over memory that no path closes: the output lacks its
// trailer (reported: the compressed bytes are unusable).
func gzipMemNever(b []byte) []byte {
	buf := bytes.NewBuffer(nil)
	zw := gzip.NewWriter(buf) // want LH707 "gzip writer is never closed"
	zw.Write(b)
	zw.Flush()
	return buf.Bytes()
}

// A gzip writer over memory closed on the success path only: the error
// path drops the buffer too.
func gzipMemErr(b []byte) ([]byte, error) {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	if _, err := zw.Write(b); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// A gzip reader over a network body is reported on the error path: the
// body itself is closed by the caller.
func gunzipBody(body io.Reader) (int64, error) {
	zr, err := gzip.NewReader(body) // want LH707 "not closed on every path"
	if err != nil {
		return 0, err
	}
	n, err := io.Copy(io.Discard, zr)
	if err != nil {
		return n, err
	}
	return n, zr.Close()
}
