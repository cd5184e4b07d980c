// workerpool: 200 workers waiting on a job channel: many goroutines, but a
// flat count.
package main

import (
	"time"

	"lhe2e/internal/serve"
)

func worker(jobs <-chan int, out chan<- int) {
	for j := range jobs {
		out <- serve.Garbage(j)
	}
}

func main() {
	serve.Start()
	jobs := make(chan int)
	out := make(chan int, 16)
	for i := 0; i < 200; i++ {
		go worker(jobs, out)
	}
	go func() {
		for range out {
		}
	}()
	serve.Every(5*time.Millisecond, func() { jobs <- 16 << 10 })
}
