// boundedcache: a map cache with a size cap and eviction, filled to its
// cap (by the first tick) before the endpoint starts, so it is flat from the first sample
// however slowly a loaded machine runs the ticks (warming up in the
// watched window made it look like growth under load).
//
// At the default MemProfileRate (one sampled allocation per 512 KiB): a
// 2 MiB cache of 1 KiB values is about four sampled objects, and its
// in-use estimate steps between 0.5 and 3.5 MiB at random, which a loaded
// run once read as a rising floor (watch now measures a rise against that
// sampling noise; noisycache has the same next to a real leak).
package main

import (
	"fmt"
	"time"

	"lhe2e/internal/serve"
)

const maxEntries = 2000

var (
	cache = map[string][]byte{}
	order []string
)

func put(k string, v []byte) {
	if _, ok := cache[k]; !ok {
		order = append(order, k)
	}
	cache[k] = v
	for len(order) > maxEntries {
		delete(cache, order[0])
		order = order[1:]
	}
}

func main() {
	id, started := 0, false
	serve.Every(2*time.Millisecond, func() {
		// the first tick fills the cache from the same line and the
		// same stack as every later tick: the heap profile keys sites
		// by stack, and a prefill elsewhere would hand its bytes over
		// to this site as entries are evicted, a rise of one site that
		// a slow machine stretches across the watched window
		n := 1
		if !started {
			n = maxEntries
		}
		for i := 0; i < n; i++ {
			id++
			put(fmt.Sprintf("k%d", id), make([]byte, 1024))
		}
		if !started {
			started = true
			serve.Start()
		}
		serve.Garbage(16 << 10)
	})
}
