package main

import (
	"fmt"
	"time"
)

// main returning ends the process: no leak.
func main() {
	for i := 0; i < 3; i++ {
		<-time.Tick(time.Millisecond)
	}
	fmt.Println("done")
}
