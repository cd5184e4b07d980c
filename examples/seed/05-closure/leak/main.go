// Command leak builds a status page from reports it loads once: for each
// report it keeps a describe func that says how big the report was. The
// func literal captures the whole 1 MiB report only to call len on it, so
// as long as the status page holds the func, the report stays in memory.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
)

// render stands in for the expensive report generation.
func render(id int) io.Reader {
	return bytes.NewReader(bytes.Repeat([]byte{'a' + byte(id%26)}, 1<<20))
}

// loadReport reads report id and returns a func describing it.
func loadReport(id int) (func() string, error) {
	data, err := io.ReadAll(render(id))
	if err != nil {
		return nil, err
	}
	sum := 0
	for _, c := range data {
		sum += int(c)
	}
	return func() string {
		return fmt.Sprintf("report %d: %d bytes, checksum %d", id, len(data), sum)
	}, nil
}

func heapMiB() float64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return float64(m.HeapAlloc) / (1 << 20)
}

func main() {
	n := flag.Int("n", 16, "number of 1 MiB reports")
	flag.Parse()

	var status []func() string
	for i := 0; i < *n; i++ {
		describe, err := loadReport(i)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		status = append(status, describe)
	}
	if len(status) > 0 {
		fmt.Println(status[0]())
	}
	fmt.Printf("status page of %d lines, heap in use: %.1f MiB\n",
		len(status), heapMiB())
	runtime.KeepAlive(status)
}
