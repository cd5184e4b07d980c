package go123

import (
	"fmt"
	"time"
)

// Go 1.23: an unreferenced timer is collected before it fires.
func consume(ch <-chan string) {
	for {
		select {
		case msg := <-ch:
			fmt.Println(msg)
		case <-time.After(5 * time.Minute):
			return
		}
	}
}
