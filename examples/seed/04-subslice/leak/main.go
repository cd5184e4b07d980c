// Command leak ingests 1 MiB uploads and keeps a few bytes of each, but
// those few bytes pin the whole upload:
//
//   - uploadHeader returns the first 32 bytes of what io.ReadAll read, a
//     sub-slice that shares the full upload's backing array;
//   - ingest remembers the last upload's trailer (a sub-slice of its 1 MiB
//     read buffer) in a package-level variable.
//
// The caller keeps only 32 bytes per upload, yet the heap holds every upload.
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

// uploadHeader reads a whole upload and returns its header.
func uploadHeader(r io.Reader) ([]byte, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	if len(data) < headerLen {
		return nil, errShort
	}
	return data[:headerLen], nil
}

// ingest reads one upload into a fresh 1 MiB buffer and records its trailer.
func ingest(r io.Reader) (int, error) {
	buf := make([]byte, 1<<20)
	n, err := io.ReadFull(r, buf)
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) {
		return 0, err
	}
	if n < 16 {
		return n, errShort
	}
	lastTrailer = buf[n-16 : n]
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
