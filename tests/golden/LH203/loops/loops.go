// time.After in select loops: per-iteration timers and the look-alikes.
package loops

import (
	"context"
	"log"
	"time"
)

// A1 leak (LH203): batch writer with a per-iteration time.After.
func batcher(in <-chan string, flush func([]string)) {
	var batch []string
	for {
		select {
		case s := <-in:
			batch = append(batch, s)
		case <-time.After(5 * time.Second): // want LH203
			flush(batch)
			batch = nil
		}
	}
}

// A2 neg: backoff sleep inside a retry loop (the other case returns).
func retry(ctx context.Context, f func() error) error {
	backoff := 100 * time.Millisecond
	for {
		if err := f(); err == nil {
			return nil
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(backoff):
		}
		backoff *= 2
	}
}

// A3 neg: one deadline computed before the loop.
func collect(in <-chan int, d time.Duration) []int {
	var out []int
	deadline := time.After(d)
	for {
		select {
		case v := <-in:
			out = append(out, v)
		case <-deadline:
			return out
		}
	}
}

// A4 leak (LH203): condition loop, time.After via a local in the body.
func pump(running *bool, in <-chan []byte, send func([]byte)) {
	for *running {
		timeout := time.After(30 * time.Second) // want LH203
		select {
		case b := <-in:
			send(b)
		case <-timeout:
			log.Print("idle")
		}
	}
}

// A5 leak (LH203): for-range over a channel with a per-message send timeout
// and a long d: each delivered message leaves a timer for a minute.
func forward(in <-chan string, out chan<- string) {
	for s := range in {
		select {
		case out <- s:
		case <-time.After(time.Minute): // want LH203
			log.Print("dropped")
		}
	}
}

type worker struct {
	jobs    chan string
	results chan<- string
	names   []string
}

// A6 leak: a worker ranging over its job channel (a field), with a
// per-job send timeout.
func (w *worker) run() {
	for j := range w.jobs {
		select {
		case w.results <- j:
		case <-time.After(10 * time.Second): // want LH203
			log.Printf("result for %s dropped", j)
		}
	}
}

// A7 neg: a range over a slice is bounded by its data.
func (w *worker) announce() {
	for _, n := range w.names {
		select {
		case w.results <- n:
		case <-time.After(time.Second):
		}
	}
}

// A8 neg: a range over a channel whose other case leaves the loop: only
// the timer that fired was ever pending.
func drainUntil(in <-chan int, stop <-chan struct{}) int {
	n := 0
	for v := range in {
		select {
		case <-stop:
			return n
		case <-time.After(time.Millisecond):
		}
		n += v
	}
	return n
}

// A9 leak: a local channel made in the function, ranged by the consumer.
func pipeline(src []int, sink func(int)) {
	ch := make(chan int, 16)
	go func() {
		defer close(ch)
		for _, v := range src {
			ch <- v
		}
	}()
	for v := range ch {
		select {
		case <-time.After(time.Minute): // want LH203
			log.Print("slow sink")
		default:
			sink(v)
		}
	}
}
