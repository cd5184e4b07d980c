// Command fixed is the ingester of ../leak keeping only the bytes it needs:
// the header and the trailer are copied out of the upload into slices of
// their own size, so each 1 MiB upload can be collected once read.
// (bytes.Clone does the same from Go 1.20; this module targets 1.19.)
package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
)

const headerLen = 32

var errShort = errors.New("upload shorter than its header")

// lastTrailer is the last 16 bytes of the most recent upload, for /status.
var lastTrailer []byte

// uploadHeader reads a whole upload and returns a copy of its header.
func uploadHeader(r io.Reader) ([]byte, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	if len(data) < headerLen {
		return nil, errShort
	}
	header := make([]byte, headerLen)
	copy(header, data)
	return header, nil
}

// ingest reads one upload into a fresh 1 MiB buffer and records a copy of
// its trailer.
func ingest(r io.Reader) (int, error) {
	buf := make([]byte, 1<<20)
	n, err := io.ReadFull(r, buf)
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) {
		return 0, err
	}
	if n < 16 {
		return n, errShort
	}
	lastTrailer = append([]byte(nil), buf[n-16:n]...)
	return n, nil
}

func upload(id int) []byte {
	data := bytes.Repeat([]byte{byte(id)}, 1<<20)
	copy(data, fmt.Sprintf("upload-%08d", id))
	return data
}

func heapMiB() float64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return float64(m.HeapAlloc) / (1 << 20)
}

func main() {
	n := flag.Int("n", 16, "number of 1 MiB uploads")
	flag.Parse()

	var headers [][]byte
	for i := 0; i < *n; i++ {
		h, err := uploadHeader(bytes.NewReader(upload(i)))
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		headers = append(headers, h)
		if _, err := ingest(bytes.NewReader(upload(i))); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
	}
	fmt.Printf("kept %d headers of %d bytes (%d bytes) and one trailer\n",
		len(headers), headerLen, len(headers)*headerLen)
	fmt.Printf("heap in use: %.1f MiB\n", heapMiB())
	runtime.KeepAlive(headers)
}
