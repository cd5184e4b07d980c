// Log rotation and archive tools: gzip/zlib/flate over files, zip
// archives, bufio writers over files that still need closing.
package lh707

import (
	"archive/zip"
	"bufio"
	"bytes"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"io"
	"os"
)

// The gzip writer is closed (flushing the trailer), then the file.
func compressFile(dst, src string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.Create(dst)
	if err != nil {
		return err
	}
	defer out.Close()
	zw := gzip.NewWriter(out)
	if _, err := io.Copy(zw, in); err != nil {
		zw.Close()
		return err
	}
	return zw.Close()
}

// The gzip writer is never closed: the archive has no trailer.
func compressFileTruncated(dst, src string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.Create(dst)
	if err != nil {
		return err
	}
	defer out.Close()
	zw := gzip.NewWriter(out) // want LH707 "gzip writer"
	_, err = io.Copy(zw, in)
	return err
}

// The gzip reader over a file: both closed.
func readGzFile(path string) ([]byte, error) {
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

// The gzip reader is closed but the file under it is not.
func readGzLeaky(path string) ([]byte, error) {
	f, err := os.Open(path) // want LH701 "file"
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

// A zip archive opened and never closed on the bad-entry path.
func firstEntry(path string) (string, error) {
	zr, err := zip.OpenReader(path) // want LH707 "zip file"
	if err != nil {
		return "", err
	}
	if len(zr.File) == 0 {
		return "", io.EOF
	}
	name := zr.File[0].Name
	zr.Close()
	return name, nil
}

// Closed by defer.
func entryNames(path string) ([]string, error) {
	zr, err := zip.OpenReader(path)
	if err != nil {
		return nil, err
	}
	defer zr.Close()
	var names []string
	for _, f := range zr.File {
		names = append(names, f.Name)
	}
	return names, nil
}

// A buffered writer over a file: flushing is not closing.
func writeLines(path string, lines []string) error {
	f, err := os.Create(path) // want LH701 "file"
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(f)
	for _, l := range lines {
		if _, err := bw.WriteString(l + "\n"); err != nil {
			return err
		}
	}
	return bw.Flush()
}

// The same, closing the file after flushing.
func writeLinesClosed(path string, lines []string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer f.Close()
	bw := bufio.NewWriter(f)
	for _, l := range lines {
		if _, err := bw.WriteString(l + "\n"); err != nil {
			return err
		}
	}
	return bw.Flush()
}

// A zlib reader over memory holds nothing.
func inflateBytes(b []byte) ([]byte, error) {
	zr, err := zlib.NewReader(bytes.NewReader(b))
	if err != nil {
		return nil, err
	}
	return io.ReadAll(zr)
}

// A flate writer over a buffer closed on the success path only: the
// error path drops the buffer anyway.
func deflateBytes(b []byte) ([]byte, error) {
	var buf bytes.Buffer
	fw, err := flate.NewWriter(&buf, flate.BestSpeed)
	if err != nil {
		return nil, err
	}
	if _, err := fw.Write(b); err != nil {
		return nil, err
	}
	if err := fw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// A zlib writer over a buffer never closed: the stream is cut short.
func deflateTruncated(b []byte) []byte {
	var buf bytes.Buffer
	zw := zlib.NewWriter(&buf) // want LH707 "zlib writer"
	_, _ = zw.Write(b)
	return buf.Bytes()
}

// The gzip writer is returned wrapped in a struct that closes both.
type gzOutput struct {
	f  *os.File
	zw *gzip.Writer
}

func (g *gzOutput) Write(p []byte) (int, error) { return g.zw.Write(p) }

func (g *gzOutput) Close() error {
	if err := g.zw.Close(); err != nil {
		g.f.Close()
		return err
	}
	return g.f.Close()
}

func createGz(path string) (*gzOutput, error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, err
	}
	return &gzOutput{f: f, zw: gzip.NewWriter(f)}, nil
}
