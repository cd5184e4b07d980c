// service: a healthy service shape at default settings (MemProfileRate,
// GOGC): an HTTP handler behind keep-alive clients (idle connections stay
// open between bursts), bursty load (40 requests every 2 s, 2 otherwise),
// a worker pool that grows with the bursts and shrinks when idle (workers
// leave after 500 ms without work, waiting in a select on time.After), a
// bounded cache with churn, sync.Pool buffers and garbage for the GC.
// Nothing here leaks: nothing must be reported.
package main

import (
	"bytes"
	"io"
	"math/rand"
	"net/http"
	"strconv"
	"sync"
	"time"

	"lhe2e/internal/serve"
)

const maxEntries = 1000

var (
	mu    sync.Mutex
	cache = map[int][]byte{}
	order []int
	bufs  = sync.Pool{New: func() any { return new(bytes.Buffer) }}
)

func cachePut(k int, v []byte) {
	mu.Lock()
	defer mu.Unlock()
	if _, ok := cache[k]; !ok {
		order = append(order, k)
	}
	cache[k] = v
	for len(order) > maxEntries {
		delete(cache, order[0])
		order = order[1:]
	}
}

func handle(w http.ResponseWriter, r *http.Request) {
	b := bufs.Get().(*bytes.Buffer)
	b.Reset()
	defer bufs.Put(b)
	b.Write(make([]byte, 512+rand.Intn(4096)))
	// the first request fills the cache from the stack of every later
	// one (a heap site is a stack), so it is full before the watch
	n, _ := strconv.Atoi(r.URL.Query().Get("n"))
	for i := 0; i <= n; i++ {
		cachePut(rand.Intn(10*maxEntries),
			append([]byte(nil), b.Bytes()[:256+rand.Intn(1024)]...))
	}
	w.Write(b.Bytes()[:64])
}

// pool grows a worker when none is free and lets idle ones go
type pool struct {
	jobs    chan func()
	mu      sync.Mutex
	workers int
}

func (p *pool) submit(f func()) {
	select {
	case p.jobs <- f:
		return
	default:
	}
	p.mu.Lock()
	if p.workers < 64 {
		p.workers++
		go p.work()
	}
	p.mu.Unlock()
	p.jobs <- f
}

func (p *pool) work() {
	for {
		select {
		case f := <-p.jobs:
			f()
		case <-time.After(500 * time.Millisecond):
			p.mu.Lock()
			p.workers--
			p.mu.Unlock()
			return
		}
	}
}

func get(c *http.Client, url string) {
	resp, err := c.Get(url)
	if err != nil {
		return
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
}

func main() {
	http.HandleFunc("/work", handle)
	base := serve.Start()
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 16}}
	get(client, base+"/work?n="+strconv.Itoa(20*maxEntries))
	p := &pool{jobs: make(chan func())}
	tick := 0
	serve.Every(100*time.Millisecond, func() {
		n := 2
		if tick%20 < 2 {
			n = 40
		}
		tick++
		for i := 0; i < n; i++ {
			p.submit(func() {
				get(client, base+"/work")
				serve.Garbage(32 << 10)
			})
		}
	})
}
