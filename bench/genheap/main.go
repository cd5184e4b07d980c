// genheap writes a real heap profile (gzip'd profile.proto, as
// /debug/pprof/heap serves it) with many distinct allocation stacks: each
// allocation goes through a chain of calls chosen by the digits of its
// index, so -sites 10000 gives up to 10000 stacks, all kept live.
//
//	go run ./genheap -sites 10000 -o heap.pb.gz
package main

import (
	"flag"
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"
)

var keep [][]byte

//go:noinline
func f0(d []int, n int) { step(d, n, 0) }

//go:noinline
func f1(d []int, n int) { step(d, n, 1) }

//go:noinline
func f2(d []int, n int) { step(d, n, 2) }

//go:noinline
func f3(d []int, n int) { step(d, n, 3) }

//go:noinline
func f4(d []int, n int) { step(d, n, 4) }

//go:noinline
func f5(d []int, n int) { step(d, n, 5) }

//go:noinline
func f6(d []int, n int) { step(d, n, 6) }

//go:noinline
func f7(d []int, n int) { step(d, n, 7) }

//go:noinline
func f8(d []int, n int) { step(d, n, 8) }

//go:noinline
func f9(d []int, n int) { step(d, n, 9) }

var fs []func([]int, int)

func init() { fs = []func([]int, int){f0, f1, f2, f3, f4, f5, f6, f7, f8, f9} }

//go:noinline
func step(d []int, n int, _ int) {
	if len(d) == 0 {
		keep = append(keep, make([]byte, n))
		return
	}
	fs[d[0]](d[1:], n)
}

func main() {
	sites := flag.Int("sites", 10000, "distinct allocation stacks")
	per := flag.Int("per", 4, "allocations per stack")
	out := flag.String("o", "heap.pb.gz", "output")
	flag.Parse()
	runtime.MemProfileRate = 1
	depth := len(fmt.Sprint(*sites - 1))
	for i := 0; i < *sites; i++ {
		d := make([]int, depth)
		for k, v := 0, i; k < depth; k, v = k+1, v/10 {
			d[k] = v % 10
		}
		for j := 0; j < *per; j++ {
			step(d, 64+i%4096, 0)
		}
	}
	runtime.GC()
	f, err := os.Create(*out)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	if err := pprof.WriteHeapProfile(f); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	f.Close()
}
