// globalmap: a package-level cache that is only ever added to.
package main

import (
	"fmt"
	"time"

	"lhe2e/internal/serve"
)

var sessions = map[string][]byte{}

func remember(id int) {
	sessions[fmt.Sprintf("session-%d", id)] = make([]byte, 2048)
}

func main() {
	serve.Start()
	id := 0
	serve.Every(10*time.Millisecond, func() {
		for i := 0; i < 3; i++ {
			id++
			remember(id)
		}
		serve.Garbage(64 << 10)
	})
}
