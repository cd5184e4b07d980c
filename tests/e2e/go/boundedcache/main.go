// boundedcache: a map cache with a size cap and eviction, filled to its
// cap before the endpoint starts, so it is flat from the first sample
// however slowly a loaded machine runs the ticks (warming up in the
// watched window made it look like growth under load).
//
// The heap profile samples one allocation per MemProfileRate bytes (512 KiB
// by default): a 2 MiB cache of 1 KiB values is then about four sampled
// objects, and its in-use estimate steps between 0.5 and 2 MiB at random,
// which a loaded run once read as a rising floor. This case pins "a bounded
// cache stays flat", not the profile's resolution, so it samples finely.
package main

import (
	"fmt"
	"runtime"
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
	runtime.MemProfileRate = 4096
	id := 0
	for ; id < maxEntries; id++ {
		put(fmt.Sprintf("k%d", id), make([]byte, 1024))
	}
	serve.Start()
	serve.Every(2*time.Millisecond, func() {
		id++
		put(fmt.Sprintf("k%d", id), make([]byte, 1024))
		serve.Garbage(16 << 10)
	})
}
