// benchtarget: a mostly idle service with a realistic shape for measuring
// what watching it costs: BENCH_GOROUTINES goroutines parked at 20
// different stacks, a heap of about BENCH_HEAP_MB MiB spread over 100
// allocation sites, and a trickle of requests.
package main

import (
	"os"
	"strconv"
	"time"

	"lhe2e/internal/serve"
)

var keep [][]byte

func park(depth int, ch chan struct{}) {
	if depth > 0 {
		park(depth-1, ch)
		return
	}
	<-ch
}

func alloc(depth int, n int) {
	if depth > 0 {
		alloc(depth-1, n)
		return
	}
	keep = append(keep, make([]byte, n))
}

func env(name string, def int) int {
	if v, err := strconv.Atoi(os.Getenv(name)); err == nil && v > 0 {
		return v
	}
	return def
}

func main() {
	serve.Start()
	g := env("BENCH_GOROUTINES", 1000)
	mb := env("BENCH_HEAP_MB", 64)
	ch := make(chan struct{})
	for i := 0; i < g; i++ {
		go park(i%20, ch)
	}
	per := (mb << 20) / 100 / 16
	for site := 0; site < 100; site++ {
		for k := 0; k < 16; k++ {
			alloc(site, per)
		}
	}
	serve.Every(100*time.Millisecond, func() { serve.Garbage(4 << 10) })
}
