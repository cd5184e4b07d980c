package main

import "time"

func flush() {}

// Only main calls it: one background goroutine per process.
func startMetrics() {
	go func() {
		for {
			time.Sleep(time.Second)
			flush()
		}
	}()
}

func main() {
	startMetrics()
	go func() {
		for {
			time.Sleep(time.Minute)
			flush()
		}
	}()
	select {}
}
