// A go 1.24 module whose program asks for the old timers with a
// //go:debug directive: they decide for package main.

//go:debug asynctimerchan=1

package main

import (
	"fmt"
	"time"
)

func waitFor(ready func() bool) {
	for range time.Tick(100 * time.Millisecond) { // want LH202 "godebug asynctimerchan=1"
		if ready() {
			return
		}
	}
}

func main() {
	n := 0
	waitFor(func() bool { n++; return n > 3 })
	fmt.Println("ready")
}
