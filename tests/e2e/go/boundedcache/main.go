// boundedcache: a map cache with a size cap and eviction: fills up in a
// second, then stays flat.
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
	serve.Start()
	id := 0
	serve.Every(2*time.Millisecond, func() {
		id++
		put(fmt.Sprintf("k%d", id), make([]byte, 1024))
		serve.Garbage(16 << 10)
	})
}
