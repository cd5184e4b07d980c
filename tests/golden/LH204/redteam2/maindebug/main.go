//go:debug asynctimerchan=1

package main

import (
	"fmt"
	"time"
)

func recv(ch <-chan int, d time.Duration) int {
	t := time.NewTimer(d) // want LH204
	select {
	case v := <-ch:
		return v
	case <-t.C:
		return 0
	}
}

func main() {
	ch := make(chan int, 1)
	ch <- 1
	fmt.Println(recv(ch, time.Second))
}
