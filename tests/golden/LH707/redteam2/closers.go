// Second redteam round for compress and archive closers, written before
// looking at the engine. Each case says TP or neg and why.
package redteam2

import (
	"archive/zip"
	"bytes"
	"compress/gzip"
	"errors"
	"io"
	"net/http"
	"os"
)

// Z1 neg: a gzip reader over a response body; both closed by defers.
func fetchGzip(u string) ([]byte, error) {
	resp, err := http.Get(u)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	zr, err := gzip.NewReader(resp.Body)
	if err != nil {
		return nil, err
	}
	defer zr.Close()
	return io.ReadAll(zr)
}

// Z2 TP: a gzip writer over a file: the success path closes the file but
// never the writer, so the archive has no trailer.
func writeGz(p string, b []byte) error {
	f, err := os.Create(p)
	if err != nil {
		return err
	}
	defer f.Close()
	zw := gzip.NewWriter(f) // want LH707
	if _, err := zw.Write(b); err != nil {
		return err
	}
	return zw.Flush()
}

// Z3 neg: the writer is closed and its error checked before the file's.
func writeGzClosed(p string, b []byte) error {
	f, err := os.Create(p)
	if err != nil {
		return err
	}
	zw := gzip.NewWriter(f)
	if _, err := zw.Write(b); err != nil {
		f.Close()
		return err
	}
	if err := zw.Close(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// Z4 TP: zip.OpenReader; an archive without entries returns early.
func firstEntry(p string) (string, error) {
	zr, err := zip.OpenReader(p) // want LH707
	if err != nil {
		return "", err
	}
	if len(zr.File) == 0 {
		return "", errors.New("empty archive")
	}
	name := zr.File[0].Name
	zr.Close()
	return name, nil
}

// Z5 neg: a gzip writer into a buffer, closed before the bytes are used.
func compress(b []byte) ([]byte, error) {
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

type gzFile struct {
	f  *os.File
	zr *gzip.Reader
}

func (g *gzFile) Read(p []byte) (int, error) { return g.zr.Read(p) }

func (g *gzFile) Close() error {
	g.zr.Close()
	return g.f.Close()
}

// Z6 neg: file and gzip reader leave together in a closer; a bad header
// closes the file.
func openGz(p string) (io.ReadCloser, error) {
	f, err := os.Open(p)
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

// Z7 TP: the same; a bad header leaks the file (LH701).
func openGzLeak(p string) (io.ReadCloser, error) {
	f, err := os.Open(p) // want LH701
	if err != nil {
		return nil, err
	}
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, err
	}
	return &gzFile{f: f, zr: zr}, nil
}
