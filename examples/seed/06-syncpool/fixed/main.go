// Command fixed is the exporter of ../leak with its pools used as intended:
//
//   - scratchPool holds *[]byte, so Put stores a pointer and allocates
//     nothing;
//   - both pools take a buffer back only while its capacity is at most
//     maxPooled; a buffer grown by a big export is left to the collector.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"hash/crc32"
	"io"
	"os"
	"runtime"
	"sync"
)

// maxPooled is the largest buffer capacity worth keeping for reuse.
const maxPooled = 64 << 10

type field struct{ key, value string }

var scratchPool = sync.Pool{
	New: func() interface{} {
		b := make([]byte, 0, 512)
		return &b
	},
}

var pagePool = sync.Pool{
	New: func() interface{} { return new(bytes.Buffer) },
}

// recordID encodes fields as key=value; pairs and returns their checksum.
func recordID(fields []field) uint32 {
	bp := scratchPool.Get().(*[]byte)
	scratch := (*bp)[:0]
	for _, f := range fields {
		scratch = append(scratch, f.key...)
		scratch = append(scratch, '=')
		scratch = append(scratch, f.value...)
		scratch = append(scratch, ';')
	}
	id := crc32.ChecksumIEEE(scratch)
	*bp = scratch // keep what append grew
	if cap(*bp) <= maxPooled {
		scratchPool.Put(bp)
	}
	return id
}

// renderPage writes one line per row to w through a pooled buffer.
func renderPage(w io.Writer, rows []string) error {
	page := pagePool.Get().(*bytes.Buffer)
	page.Reset()
	for i, row := range rows {
		fmt.Fprintf(page, "%4d %s\n", i, row)
	}
	_, err := w.Write(page.Bytes())
	if page.Cap() <= maxPooled {
		pagePool.Put(page)
	}
	return err
}

func heapMiB() float64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return float64(m.HeapAlloc) / (1 << 20)
}

func main() {
	n := flag.Int("n", 40, "number of pages to export")
	flag.Parse()

	small := []string{"alpha", "beta", "gamma"}
	big := make([]string, 40000)
	for i := range big {
		big[i] = fmt.Sprintf("row-%d-%040d", i, i)
	}
	var sum uint32
	written := 0
	for i := 0; i < *n; i++ {
		rows := small
		if i%10 == 4 {
			rows = big // the monthly export
		}
		var out bytes.Buffer
		if err := renderPage(&out, rows); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		written += out.Len()
		sum ^= recordID([]field{{"page", fmt.Sprint(i)}, {"rows", fmt.Sprint(len(rows))}})
	}
	fmt.Printf("exported %d pages, %d bytes, checksum %08x\n", *n, written, sum)
	fmt.Printf("heap in use after the last small page: %.1f MiB\n", heapMiB())
}
