// noisycache: at Go's default MemProfileRate (one sampled allocation per
// 512 KiB on average), a bounded map cache of about 2 MiB whose entries
// turn over every few seconds, next to a journal that only grows. The
// cache is about four sampled objects: its in-use estimate jumps between
// 0.5 and 3.5 MiB at random, which the floors of successive windows once
// read as growth. Only the journal must be reported.
package main

import (
	"time"

	"lhe2e/internal/serve"
)

const maxEntries = 2048

var (
	cache   = map[int][]byte{}
	order   []int
	journal [][]byte
)

func cachePut(id int) {
	cache[id] = make([]byte, 1024) // bounded: evicted below
	order = append(order, id)
	for len(order) > maxEntries {
		delete(cache, order[0])
		order = order[1:]
	}
}

func record() {
	journal = append(journal, make([]byte, 3072)) // never trimmed
}

func main() {
	id, started := 0, false
	serve.Every(4*time.Millisecond, func() {
		// the first tick fills the cache from the stack of every later
		// tick (a heap site is a stack: a prefill elsewhere would hand
		// its bytes over to this one as entries are evicted), then 500
		// entries a second go through it: it turns over in 4 s
		n := 2
		if !started {
			n = maxEntries
		}
		for i := 0; i < n; i++ {
			cachePut(id)
			id++
		}
		record() // 3 KiB each 4 ms: 750 KiB/s
		if !started {
			started = true
			serve.Start()
		}
		serve.Garbage(16 << 10)
	})
}
